using Certifications.Functions;
using Certifications.Functions.Identity;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.UseMiddleware<GateMiddleware>();
builder.Services.AddWorkerTelemetry();
builder.Services.AddCertificationsApp(builder.Configuration);
await builder.Build().RunAsync();
