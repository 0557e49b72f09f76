using Workflow.Route.Routing;
using Workflow.ServiceDefaults.Auth;

namespace Workflow.Route.Apis;

/// <summary>Operators see which rules are in force and whether a changed file was refused.</summary>
public static class RoutingRulesApi
{
    public static IEndpointRouteBuilder MapRoutingRulesApiV1(this IEndpointRouteBuilder app)
    {
        app.MapGet("/v1/routing-rules", (RoutingRules rules) => TypedResults.Ok(rules.State)).RequireAuthorization(Policies.ReadRules)
            .Produces<RulesState>();
        return app;
    }
}
