using Workflow.Notify.Consumers;
using Workflow.Notify.Data;
using Workflow.ServiceDefaults.Data;
using Workflow.ServiceDefaults.Messaging;

namespace Workflow.Notify.Extensions;

public static class Extensions
{
    public static IHostApplicationBuilder AddNotifyServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<NotifyDbContext, SqliteNotifyDbContext, SqlServerNotifyDbContext>("notifydb");

        builder.AddMessaging("notify", x => x.AddConsumer<DocumentRoutedConsumer>());
        return builder;
    }
}
