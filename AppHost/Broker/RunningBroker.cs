namespace Workflow.AppHost.Broker;

/// <summary>A broker the services can use, and how to stop it if the AppHost started it.</summary>
public sealed record RunningBroker(string ConnectionString, string? ManagementUrl, string Description, Func<Task> StopAsync);
