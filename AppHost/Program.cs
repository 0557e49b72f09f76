using Workflow.AppHost;
using Workflow.AppHost.Dashboard;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddCommandLine(args, AppHostOptions.Switches);
await builder.AddAspireDashboardAsync();
builder.AddAppHost();

var app = builder.Build();
app.MapAppHostEndpoints();
await app.RunAsync();
