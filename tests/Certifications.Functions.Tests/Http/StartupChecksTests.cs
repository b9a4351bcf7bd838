using Certifications.DevHost;
using Certifications.Functions.Tests.Fixtures;
using Microsoft.Extensions.Options;

namespace Certifications.Functions.Tests.Http;

/// <summary>Settings that would break every QR code, let anyone sign in or expose the mail password stop the app at start-up.</summary>
[Collection(DevHostCollection.Name)]
public sealed class StartupChecksTests(DevHostFixture fixture)
{
    private static readonly Dictionary<string, string?> GoodProduction = new()
    {
        ["PublicBaseUrl"] = "https://certifications.example.org",
        ["Auth:Authority"] = "https://login.microsoftonline.com/organizations/v2.0",
        ["Auth:DevelopmentSigningKey"] = string.Empty,
        ["Smtp:Host"] = "smtp.example.org",
        ["Smtp:OutboxFolder"] = string.Empty,
        ["Secrets:KeyVaultKeyUri"] = "https://kv-test.vault.azure.net/keys/webhook-secrets",
        ["Secrets:LocalKeyFile"] = string.Empty,
    };

    [Theory]
    [InlineData("PublicBaseUrl", "http://certifications.example.org", "PublicBaseUrl")]
    [InlineData("PublicBaseUrl", "certifications.example.org", "PublicBaseUrl")]
    [InlineData("Auth:DevelopmentSigningKey", "c2VjcmV0LWtleS1vZi1hdC1sZWFzdC0zMi1ieXRlcy0hIQ==", "Auth__DevelopmentSigningKey")]
    [InlineData("Auth:Authority", "", "Auth__Authority")]
    [InlineData("Smtp:Host", "", "Smtp__Host")]
    [InlineData("Smtp:UseTls", "false", "Smtp__UseTls")]
    [InlineData("Secrets:KeyVaultKeyUri", "", "Secrets__KeyVaultKeyUri")]
    [InlineData("Secrets:KeyVaultKeyUri", "http://kv-test.vault.azure.net/keys/x", "Secrets__KeyVaultKeyUri")]
    public async Task Outside_development_a_wrong_setting_stops_the_app_naming_it(string setting, string value, string named)
    {
        var settings = new Dictionary<string, string?>(GoodProduction) { [setting] = value };

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync(settings));

        Assert.Contains(named, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Good_production_settings_start()
    {
        await using var host = await StartAsync(GoodProduction);

        Assert.StartsWith("http://localhost:", host.BaseUrl, StringComparison.Ordinal);
    }

    private Task<DevHostApp> StartAsync(IReadOnlyDictionary<string, string?> settings)
    {
        var all = new Dictionary<string, string?>
        {
            ["DevHost:TaskHub"] = "s" + Guid.NewGuid().ToString("N")[..16],
            ["Storage:ConnectionString"] = fixture.StorageConnectionString,
            ["Logging:LogLevel:Default"] = "None",
        };
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        return DevHostApp.StartAsync([], new DevHostSettings { Port = 0, Settings = all, Environment = "Production" });
    }
}
