using Workflow.Route.Data;
using Workflow.Route.Routing;
using Workflow.Route.StateMachines;
using Workflow.ServiceDefaults.Data;
using Workflow.ServiceDefaults.Messaging;
using Workflow.ServiceDefaults.Messaging.Durable.Sagas;

namespace Workflow.Route.Extensions;

public static class Extensions
{
    public static IHostApplicationBuilder AddRouteServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<RouteDbContext, SqliteRouteDbContext, SqlServerRouteDbContext>("routedb");
        builder.Services.AddOptions<RoutingOptions>().BindConfiguration(RoutingOptions.Section)
            .Validate(o => !string.IsNullOrWhiteSpace(o.DefaultDepartment), "Routing:DefaultDepartment is required.")
            .Validate(o => o.Rules.All(r => !string.IsNullOrWhiteSpace(r.Id) && !string.IsNullOrWhiteSpace(r.Department)),
                "Every routing rule needs an Id and a Department.")
            .ValidateOnStart();
        builder.Services.AddSingleton<RoutingTable>();
        builder.Services.AddHostedService<ReviewDeadlineSweeper>();

        builder.AddMessaging("route", x =>
            x.AddSagaStateMachine<DocumentRoutingStateMachine, DocumentRoutingState>().ServiceDatabaseRepository());
        return builder;
    }
}
