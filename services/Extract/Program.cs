using Workflow.Extract.Data;
using Workflow.Extract.Extensions;
using Workflow.ServiceDefaults;
using Workflow.ServiceDefaults.Data;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddExtractServices();

var app = builder.Build();
app.UseServiceDefaults();

return await app.RunServiceAsync<ExtractDbContext>(args);

public partial class Program;
