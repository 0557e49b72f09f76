using Workflow.Ingest.Apis;
using Workflow.Ingest.Data;
using Workflow.Ingest.Extensions;
using Workflow.ServiceDefaults;
using Workflow.ServiceDefaults.Data;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddIngestServices();

var app = builder.Build();
app.UseServiceDefaults();
app.MapDocumentsApiV1();

return await app.RunServiceAsync<IngestDbContext>(args);

public partial class Program;
