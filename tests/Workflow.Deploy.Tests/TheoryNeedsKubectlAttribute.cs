namespace Workflow.Deploy.Tests;

/// <summary>A theory over the rendered overlays: kubectl (with its built-in kustomize) renders them, offline.</summary>
public sealed class TheoryNeedsKubectlAttribute : TheoryAttribute
{
    public TheoryNeedsKubectlAttribute()
    {
        if (!Tools.Has("kubectl"))
        {
            Skip = "kubectl is not installed: it renders the kustomize overlays (our machines have kubectl 1.32; Debian has no package for it).";
        }
    }

    /// <summary>The theory also runs the kubernetes-models validator, with Node.js.</summary>
    public bool AndNode
    {
        get => false;
        set
        {
            if (value && Skip is null && !Tools.Has("node"))
            {
                Skip = "Node.js is not installed: it runs the kubernetes-models validator (scripts/test.sh installs Debian's nodejs and npm).";
            }
        }
    }
}

public static class Tools
{
    public static bool Has(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Any(d => File.Exists(Path.Combine(d, program)));
}
