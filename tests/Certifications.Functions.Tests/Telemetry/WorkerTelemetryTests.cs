using Microsoft.ApplicationInsights.Channel;
using Microsoft.ApplicationInsights.DataContracts;
using Microsoft.ApplicationInsights.DependencyCollector;
using Microsoft.ApplicationInsights.Extensibility;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Certifications.Functions.Tests.Telemetry;

/// <summary>The worker's telemetry as Program.cs wires it: what the app logs reaches Application Insights, not only warnings.</summary>
public sealed class WorkerTelemetryTests
{
    [Fact]
    public async Task Information_logs_of_the_app_reach_application_insights_and_dependencies_are_collected()
    {
        var channel = new CapturingChannel();
        var services = new ServiceCollection();
        services.AddSingleton<Microsoft.Extensions.Configuration.IConfiguration>(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Information));
        services.AddWorkerTelemetry();
        services.AddSingleton<ITelemetryChannel>(channel);
        await using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<ILoggerFactory>().CreateLogger("Certifications.Workflow").LogInformation("Certificate {CertificateId} issued", "cer_1");
        provider.GetRequiredService<TelemetryConfiguration>().TelemetryChannel.Flush();

        var trace = Assert.Single(channel.Items.OfType<TraceTelemetry>(), t => t.Message.Contains("cer_1", StringComparison.Ordinal));
        Assert.Equal(SeverityLevel.Information, trace.SeverityLevel);
        Assert.Contains(provider.GetServices<ITelemetryModule>(), m => m is DependencyTrackingTelemetryModule);
    }

    private sealed class CapturingChannel : ITelemetryChannel
    {
        public List<ITelemetry> Items { get; } = [];

        public bool? DeveloperMode { get; set; }

        public string EndpointAddress { get; set; } = "https://example.invalid/";

        public void Send(ITelemetry item) => Items.Add(item);

        public void Flush()
        {
        }

        public void Dispose()
        {
        }
    }
}
