namespace Workflow.Extract.Extraction;

/// <summary>
/// The document itself cannot be read (corrupt, unsupported, mismatched). Retrying will not
/// help: the document fails with this reason.
/// </summary>
public sealed class UnreadableDocumentException(string reason, Exception? inner = null) : Exception(reason, inner);
