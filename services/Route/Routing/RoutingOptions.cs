namespace Workflow.Route.Routing;

public sealed class RoutingOptions
{
    public const string Section = "Routing";

    /// <summary>The rule set's version, recorded with every decision it makes; change it with the rules.</summary>
    public string Version { get; set; } = "1";

    /// <summary>Tried in order; the first that matches decides.</summary>
    public List<RoutingRule> Rules { get; set; } = [];

    /// <summary>Where a document goes when no rule matches.</summary>
    public string DefaultDepartment { get; set; } = "";

    /// <summary>Documents classified with less confidence wait for a person (0: never).</summary>
    public double ReviewBelowConfidence { get; set; }

    /// <summary>How long a document waits for review before it goes to <see cref="ReviewFallbackDepartment"/>.</summary>
    public TimeSpan ReviewTimeout { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Where an unreviewed document goes when its deadline passes (the default department when empty).</summary>
    public string? ReviewFallbackDepartment { get; set; }

    /// <summary>How often passed review deadlines are looked for.</summary>
    public TimeSpan DeadlineSweepInterval { get; set; } = TimeSpan.FromSeconds(5);
}
