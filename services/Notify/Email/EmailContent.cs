namespace Workflow.Notify.Email;

/// <summary>An e-mail as a delivery stores it.</summary>
public sealed record EmailContent(string Subject, string Text);
