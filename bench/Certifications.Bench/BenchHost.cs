using Certifications.DevHost;
using Certifications.DevHost.Identity;

namespace Certifications.Bench;

/// <summary>The dev host as the benchmarks run it: port 0, quiet, on the Azurite they started.</summary>
public static class BenchHost
{
    /// <summary>The local key that protects webhook secrets: every host of a bench run opens what another one sealed.</summary>
    public static readonly string SecretsKeyFile = Path.Combine(Path.GetTempPath(), "certifications-bench-secrets-key");

    /// <summary>With <paramref name="webFolder"/>, the host serves that folder at / instead of web/dist.</summary>
    public static Task<DevHostApp> StartAsync(
        string storageConnectionString, string taskHub, string? webFolder = null, Dictionary<string, string?>? extra = null) =>
        DevHostApp.StartAsync([], new DevHostSettings
        {
            Port = 0,
            WebFolder = webFolder,
            Settings = new Dictionary<string, string?>
            {
                ["Storage:ConnectionString"] = storageConnectionString,
                ["Auth:DevelopmentSigningKey"] = DevTokens.NewKey(),
                ["Smtp:OutboxFolder"] = Path.Combine(Path.GetTempPath(), "certifications-bench-outbox"),
                ["Secrets:LocalKeyFile"] = SecretsKeyFile,
                ["DevHost:TaskHub"] = taskHub,
                ["Logging:LogLevel:Default"] = "Warning",
                ["Logging:LogLevel:Certifications"] = "Warning",
            }.Concat(extra ?? []).ToDictionary(),
        });
}
