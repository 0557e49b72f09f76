using Workflow.AppHost;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddCommandLine(args, AppHostOptions.Switches);
builder.AddAppHost();

var app = builder.Build();
app.MapAppHostEndpoints();
await app.RunAsync();
