namespace Workflow.ServiceDefaults.Messaging;

/// <summary>The queues this service consumes from (one per consumer), recorded as MassTransit configures them.</summary>
public sealed class ServiceQueues
{
    private readonly List<string> _names = [];

    public IReadOnlyList<string> Names
    {
        get
        {
            lock (_names)
            {
                return [.. _names];
            }
        }
    }

    public void Add(string name)
    {
        lock (_names)
        {
            if (!_names.Contains(name))
            {
                _names.Add(name);
            }
        }
    }
}
