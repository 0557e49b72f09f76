namespace Workflow.Extract.Extraction;

public sealed record ExtractedText(DocumentKind Kind, string Text, int? PageCount);
