using Workflow.Notify.Data;
using Workflow.Notify.Extensions;
using Workflow.ServiceDefaults;
using Workflow.ServiceDefaults.Data;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddNotifyServices();

var app = builder.Build();
app.UseServiceDefaults();
app.MapNotifyApis();

return await app.RunServiceAsync<NotifyDbContext>(args);

public partial class Program;
