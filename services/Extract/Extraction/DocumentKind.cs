namespace Workflow.Extract.Extraction;

/// <summary>What a document really is, judged from its bytes.</summary>
public enum DocumentKind
{
    Unknown,
    Text,
    Pdf,
    Docx,
    Html,
    Email,
}
