using Workflow.Classify.Classification.LocalModel;
using Workflow.Classify.Data;
using Workflow.Classify.Extensions;
using Workflow.ServiceDefaults;
using Workflow.ServiceDefaults.Data;

if (ModelCommands.Requested(args))
{
    return await ModelCommands.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddClassifyServices();

var app = builder.Build();
app.UseServiceDefaults();

return await app.RunServiceAsync<ClassifyDbContext>(args);

public partial class Program;
