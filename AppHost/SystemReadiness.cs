namespace Workflow.AppHost;

/// <summary>Whether every service has answered its readiness probe.</summary>
public sealed class SystemReadiness
{
    private volatile bool _ready;

    public bool IsReady => _ready;

    public void MarkReady() => _ready = true;
}
