using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Workflow.ServiceDefaults.Data;

public static class SqliteConventions
{
    /// <summary>
    /// SQLite cannot compare or order <see cref="DateTimeOffset"/> stored as text; as a number it can.
    /// </summary>
    public static ModelConfigurationBuilder UseSqliteConventions(this ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        return configurationBuilder;
    }
}
