namespace Workflow.ServiceDefaults.Auth;

/// <summary>What an API key may do. A key has one tenant and any of these roles.</summary>
public static class Roles
{
    /// <summary>Uploads documents and reads its own tenant's documents.</summary>
    public const string Submitter = "submitter";

    /// <summary>Lists and decides reviews.</summary>
    public const string Reviewer = "reviewer";

    /// <summary>Reads documents, reviews and rules; writes nothing.</summary>
    public const string Auditor = "auditor";

    /// <summary>Manages webhooks, reads the routing rules, inspects and re-drives failed messages.</summary>
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Submitter, Reviewer, Auditor, Admin];
}

/// <summary>The authorization policies endpoints name: who may call them.</summary>
public static class Policies
{
    public const string Submit = "submit";
    public const string ReadDocuments = "read-documents";
    public const string Review = "review";
    public const string ReadReviews = "read-reviews";
    public const string ReadRules = "read-rules";
    public const string Administer = "administer";

    /// <summary>
    /// The system's own operations (failed messages hold every tenant's events): admins of the
    /// operator tenant (<c>Auth:OperatorTenant</c>, <c>default</c> unless set) only.
    /// </summary>
    public const string Operate = "operate";
}
