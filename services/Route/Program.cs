using Workflow.Route.Data;
using Workflow.Route.Extensions;
using Workflow.ServiceDefaults;
using Workflow.ServiceDefaults.Data;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddRouteServices();

var app = builder.Build();
app.UseServiceDefaults();

return await app.RunServiceAsync<RouteDbContext>(args);

public partial class Program;
