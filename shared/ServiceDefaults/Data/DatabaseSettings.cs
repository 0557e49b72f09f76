namespace Workflow.ServiceDefaults.Data;

public sealed record DatabaseSettings(DatabaseProvider Provider);
