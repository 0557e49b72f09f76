using Workflow.Route.Apis;
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
        builder.Services.AddOptions<RoutingOptions>().BindConfiguration(RoutingOptions.Section);

        // Registered before messaging: the rules are read (and an invalid file refused) before any message is consumed.
        builder.Services.AddSingleton<RoutingRules>();
        builder.Services.AddHostedService(services => services.GetRequiredService<RoutingRules>());
        builder.Services.AddSingleton<RoutingTable>();
        builder.Services.AddHostedService<ReviewDeadlineSweeper>();

        builder.AddMessaging("route", x =>
            x.AddSagaStateMachine<DocumentRoutingStateMachine, DocumentRoutingState>().ServiceDatabaseRepository());
        return builder;
    }

    public static WebApplication MapRouteApis(this WebApplication app)
    {
        app.MapReviewsApiV1();
        app.MapRoutingRulesApiV1();
        return app;
    }
}
