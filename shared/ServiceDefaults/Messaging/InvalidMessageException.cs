namespace Workflow.ServiceDefaults.Messaging;

/// <summary>
/// A message that can never be processed as it is (missing or malformed fields). It is not
/// retried: it goes straight to the endpoint's error queue with this reason.
/// </summary>
public sealed class InvalidMessageException(string message) : Exception(message);
