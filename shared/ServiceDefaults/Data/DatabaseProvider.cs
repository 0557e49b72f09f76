namespace Workflow.ServiceDefaults.Data;

/// <summary>Chosen by configuration (<c>Database:Provider</c>), never by code edits.</summary>
public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}
