namespace Workflow.Route.Routing;

/// <summary><c>Workflow.Route rules check FILE</c>: validates a rules file before it is deployed.</summary>
public static class RulesCommand
{
    public static bool Matches(string[] args) => args is ["rules", "check", _];

    public static int Run(string[] args, TextWriter output)
    {
        var path = args[2];
        if (!File.Exists(path))
        {
            output.WriteLine($"{path}: no such file.");
            return 2;
        }

        var (rules, errors) = RuleSetParser.Parse(File.ReadAllText(path));
        if (rules is null)
        {
            output.WriteLine($"{path} is invalid:");
            foreach (var error in errors)
            {
                output.WriteLine($" - {error}");
            }

            return 1;
        }

        output.WriteLine($"{path}: version {rules.Version}, {rules.Rules.Count} rule(s), default department {rules.DefaultDepartment}: valid.");
        return 0;
    }
}
