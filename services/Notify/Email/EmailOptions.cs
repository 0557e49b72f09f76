using MailKit.Security;

namespace Workflow.Notify.Email;

public sealed class EmailOptions
{
    public const string Section = "Notify:Email";

    /// <summary>The SMTP server; e-mail is off while it is empty.</summary>
    public string? Host { get; set; }

    public int Port { get; set; } = 25;

    /// <summary>None, Auto, SslOnConnect, StartTls or StartTlsWhenAvailable.</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.Auto;

    /// <summary>From a secret (environment or secret store), never from a committed file.</summary>
    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string From { get; set; } = "Workflow <workflow@localhost>";

    /// <summary>Department name → the address its routed documents are announced to.</summary>
    public Dictionary<string, string> Departments { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Who hears about escalated reviews.</summary>
    public List<string> Reviewers { get; set; } = [];

    public bool Enabled => !string.IsNullOrWhiteSpace(Host);
}
