using Workflow.Route.Data;
using Workflow.Route.Extensions;
using Workflow.Route.Routing;
using Workflow.ServiceDefaults;
using Workflow.ServiceDefaults.Data;

if (RulesCommand.Matches(args))
{
    return RulesCommand.Run(args, Console.Out);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddRouteServices();

var app = builder.Build();
app.UseServiceDefaults();
app.MapRouteApis();

return await app.RunServiceAsync<RouteDbContext>(args);

public partial class Program;
