using Certifications.DevHost;
using Certifications.DevHost.Identity;
using Certifications.DevHost.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Certifications.Functions.Tests.Fixtures;

/// <summary>
/// One Azurite (on a throwaway folder) and one dev host for the whole test run; every test makes its own organization,
/// so tests share nothing they could trip over.
/// </summary>
public sealed class DevHostFixture : IAsyncLifetime
{
    private Azurite? azurite;

    public DevHostApp Host { get; private set; } = null!;

    public string StorageConnectionString => azurite!.ConnectionString;

    public string Outbox { get; } = Path.Combine(Path.GetTempPath(), "certifications-tests-outbox-" + Guid.NewGuid().ToString("N"));

    public string SigningKey { get; } = DevTokens.NewKey();

    /// <summary>The local key that protects webhook secrets in this run's tables.</summary>
    public string SecretsKeyFile => Outbox + "-secrets-key";

    public HttpClient Anonymous { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        azurite = await Azurite.StartAsync(RepositoryRoot.Find(), dataFolder: null);
        Host = await StartHostAsync();
        Anonymous = new HttpClient(new ContractCheck()) { BaseAddress = new Uri(Host.BaseUrl + "/api/") };
    }

    /// <summary>Another dev host on the same storage, with extra settings (e.g. an SMTP server).</summary>
    public Task<DevHostApp> StartHostAsync(IReadOnlyDictionary<string, string?>? extra = null, Action<IServiceCollection>? services = null)
    {
        var settings = new Dictionary<string, string?>
        {
            // Each host its own task hub, unless a test means to share one (the restart test).
            ["DevHost:TaskHub"] = "t" + Guid.NewGuid().ToString("N")[..16],
            ["Storage:ConnectionString"] = azurite!.ConnectionString,
            ["Auth:DevelopmentSigningKey"] = SigningKey,
            ["Smtp:OutboxFolder"] = Outbox,
            ["Secrets:LocalKeyFile"] = SecretsKeyFile,

            // As behind the platform's front end: a test names its client by the X-Forwarded-For hop it adds.
            ["TrustForwardedFor"] = "true",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Certifications"] = "Warning",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return DevHostApp.StartAsync([], new DevHostSettings { Port = 0, Settings = settings, Services = services });
    }

    /// <summary>How many certificate records an enrollment has (the workflow must never make two).</summary>
    public async Task<int> CertificatesOfAsync(string enrollmentId)
    {
        var count = 0;
        var table = new Azure.Data.Tables.TableClient(StorageConnectionString, Storage.Common.TableNames.Certificates);
        await foreach (var _ in table.QueryAsync<Azure.Data.Tables.TableEntity>(
            Azure.Data.Tables.TableClient.CreateQueryFilter($"EnrollmentId eq {enrollmentId}")))
        {
            count++;
        }

        return count;
    }

    /// <summary>
    /// The certificate records of an earned enrollment, once the first is written: the record shows Earned (with the
    /// claimed id) a moment before the issuing activity writes the certificate itself.
    /// </summary>
    public async Task<int> IssuedCertificatesOfAsync(string enrollmentId)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        int count;
        while ((count = await CertificatesOfAsync(enrollmentId)) == 0 && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        return count;
    }

    /// <summary>The e-mails the dev host wrote to its outbox for one address.</summary>
    public IEnumerable<MimeKit.MimeMessage> MailsTo(string email) =>
        Directory.Exists(Outbox)
            ? Directory.GetFiles(Outbox, $"*{Notifications.OutboxEmailSender.Sanitize(email)}*.eml").Select(f => MimeKit.MimeMessage.Load(f))
                .Where(m => m.To.Mailboxes.Any(to => string.Equals(to.Address, email, StringComparison.OrdinalIgnoreCase)))
            : [];

    public async Task DisposeAsync()
    {
        Anonymous.Dispose();
        await Host.DisposeAsync();
        if (azurite is not null)
        {
            await azurite.DisposeAsync();
        }

        if (Directory.Exists(Outbox))
        {
            Directory.Delete(Outbox, recursive: true);
        }

        File.Delete(SecretsKeyFile);
    }
}

/// <summary>The tests that share one dev host.</summary>
[CollectionDefinition(Name)]
public sealed class DevHostCollection : ICollectionFixture<DevHostFixture>
{
    public const string Name = "dev host";
}
