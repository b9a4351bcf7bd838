using Certifications.Storage.Catalog;
using Certifications.Storage.Certificates;
using Certifications.Storage.Common;
using Certifications.Storage.Enrollments;
using Certifications.Storage.Organizations;
using Certifications.Storage.People;
using Certifications.Storage.Secrets;
using Certifications.Storage.Webhooks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Certifications.Storage;

/// <summary>Registers the storage account, the start-up initializer and the repositories.</summary>
public static class StorageServices
{
    public static IServiceCollection AddCertificationsStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.Section))
            .PostConfigure(o =>
            {
                // The Functions host's own setting names, so one configuration serves the app and the host.
                o.ConnectionString ??= configuration["AzureWebJobsStorage"] is { Length: > 0 } cs
                    && !cs.Contains("UseDevelopmentStorage", StringComparison.Ordinal) ? cs : null;
                o.AccountName ??= configuration["AzureWebJobsStorage:accountName"];
            })
            .Validate(o => o.IsConfigured, "Storage is not configured: set Storage:ConnectionString or Storage:AccountName.")
            .ValidateOnStart();
        services.AddSingleton<StorageAccount>();
        services.AddOptions<SecretOptions>().Bind(configuration.GetSection(SecretOptions.Section));
        services.AddSingleton<IKeyWrap>(sp => sp.GetRequiredService<IOptions<SecretOptions>>().Value switch
        {
            { KeyVaultKeyUri: { Length: > 0 } key } => new KeyVaultKeyWrap(new Uri(key)),
            { LocalKeyFile: { Length: > 0 } file } => new LocalKeyWrap(file),
            _ => throw new InvalidOperationException(
                "Secrets__KeyVaultKeyUri (or, in Development, Secrets__LocalKeyFile) is required to protect webhook secrets."),
        });
        services.AddSingleton<SecretProtector>();
        services.AddSingleton<DirectoryKeyMigration>();
        services.AddSingleton<DirectoryIndexBackfill>();
        services.AddHostedService<StorageInitializer>();
        services.AddSingleton<OrganizationReadCache>();
        services.AddSingleton<OrganizationRepository>();
        services.AddSingleton<TenantClaims>();
        services.AddSingleton<DirectoryRepository>();
        services.AddSingleton<CertificationRepository>();
        services.AddSingleton<CertificationCountsRepository>();
        services.AddSingleton<BrandingStore>();
        services.AddSingleton<EnrollmentRepository>();
        services.AddSingleton<EvidenceStore>();
        services.AddSingleton<CertificateRepository>();
        services.AddSingleton<CertificateFiles>();
        services.AddSingleton<DesignVersions>();
        services.AddSingleton<Delivery.UndeliveredAwards>();
        services.AddSingleton<Delivery.UndeliveredBackfill>();
        services.AddSingleton<BlobLinks>();
        services.AddSingleton<Reports.ReportStore>();
        services.AddSingleton<LiveSessions.LiveSessionRepository>();
        services.AddSingleton<WebhookDeliveryRepository>();
        return services;
    }
}
