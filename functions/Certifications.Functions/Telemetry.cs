using Certifications.Storage.Common;
using Microsoft.ApplicationInsights.Extensibility;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Certifications.Functions;

/// <summary>
/// The worker's telemetry in Azure: requests, dependencies (storage, SMTP, HTTP), traces and logs to Application
/// Insights, ingested with the app's Entra identity (the resource takes no keys). The dev host keeps console logs.
/// </summary>
public static class Telemetry
{
    public static IServiceCollection AddWorkerTelemetry(this IServiceCollection services)
    {
        services.AddApplicationInsightsTelemetryWorkerService();
        services.ConfigureFunctionsApplicationInsights();
        services.Configure<TelemetryConfiguration>(configuration => configuration.SetAzureTokenCredential(AppIdentity.Credential));

        // The SDK adds a rule that keeps only warnings for Application Insights; the app's own information logs
        // (certificates issued, deliveries received) are what an operator reads, so host.json's levels govern instead.
        services.Configure<LoggerFilterOptions>(options =>
        {
            var warningsOnly = options.Rules.FirstOrDefault(rule =>
                rule.ProviderName == "Microsoft.Extensions.Logging.ApplicationInsights.ApplicationInsightsLoggerProvider");
            if (warningsOnly is not null)
            {
                options.Rules.Remove(warningsOnly);
            }
        });
        return services;
    }
}
