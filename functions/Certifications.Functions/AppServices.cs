using Certifications.Functions.Catalog;
using Certifications.Functions.Certificates;
using Certifications.Functions.Enrollments;
using Certifications.Functions.Hosting;
using Certifications.Functions.Identity;
using Certifications.Functions.Links;
using Certifications.Functions.Notifications;
using Certifications.Functions.Organizations;
using Certifications.Functions.People;
using Certifications.Functions.Progress;
using Certifications.Functions.Reviews;
using Certifications.Functions.Webhooks;
using Certifications.Functions.Workflow;
using Certifications.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Certifications.Functions;

/// <summary>Everything the function classes need, registered once for both the Functions host and the dev host.</summary>
public static class AppServices
{
    public static IServiceCollection AddCertificationsApp(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddMemoryCache();
        services.AddCertificationsStorage(configuration);

        services.AddSingleton<SettingsValidation>();
        services.AddSingleton<IValidateOptions<AppOptions>>(sp => sp.GetRequiredService<SettingsValidation>());
        services.AddSingleton<IValidateOptions<AuthOptions>>(sp => sp.GetRequiredService<SettingsValidation>());
        services.AddSingleton<IValidateOptions<EmailOptions>>(sp => sp.GetRequiredService<SettingsValidation>());
        services.AddSingleton<IValidateOptions<Storage.Secrets.SecretOptions>>(sp => sp.GetRequiredService<SettingsValidation>());
        services.AddOptions<Storage.Secrets.SecretOptions>().ValidateOnStart();
        services.AddOptions<AppOptions>().Bind(configuration).ValidateOnStart();
        services.AddOptions<AuthOptions>().Bind(configuration.GetSection(AuthOptions.Section)).ValidateOnStart();
        services.AddOptions<EmailOptions>().Bind(configuration.GetSection(EmailOptions.Section)).ValidateOnStart();

        // Entra's keys and issuer come from the authority's discovery document; tests register a static one after this.
        if (configuration[$"{AuthOptions.Section}:{nameof(AuthOptions.Authority)}"] is { Length: > 0 } authority)
        {
            services.AddSingleton(TokenValidator.Discovery(authority));
        }

        services.AddSingleton(sp => new TokenValidator(sp.GetRequiredService<IOptions<AuthOptions>>(), sp.GetService<BaseConfigurationManager>()));
        services.AddSingleton<CallerLookup>();
        services.AddSingleton(FunctionCatalog.App);
        services.AddSingleton<EndpointGate>();

        services.AddSingleton<SmtpEmailSender>();
        services.AddSingleton<OutboxEmailSender>();
        services.AddSingleton<IEmailSender>(sp => string.IsNullOrWhiteSpace(sp.GetRequiredService<IOptions<EmailOptions>>().Value.Host)
            ? sp.GetRequiredService<OutboxEmailSender>()
            : sp.GetRequiredService<SmtpEmailSender>());
        services.AddSingleton<MailMessages>();
        services.AddSingleton<RecipientLanguages>();
        services.AddSingleton<AssignmentEmail>();
        services.AddSingleton<InvitationEmail>();
        services.AddSingleton<WorkflowEmail>();
        services.AddSingleton<CertificateEmail>();
        services.AddSingleton<LiveSessionEmail>();

        services.AddSingleton<OrganizationProvisioning>();
        services.AddSingleton<OrganizationService>();
        services.AddSingleton<DirectoryService>();
        services.AddSingleton<UserImport>();
        services.AddSingleton<CatalogService>();
        services.AddSingleton<AssignmentService>();
        services.AddSingleton<EnrollmentService>();
        services.AddSingleton<WorkflowSignals>();
        services.AddSingleton<ProgressService>();
        services.AddSingleton<EvidenceUpload>();
        services.AddSingleton<EvidenceFiles>();
        services.AddSingleton<Progress.AbandonedUploads>();
        services.AddSingleton<ReviewQueue>();
        services.AddSingleton<LmsWebhookService>();
        services.AddSingleton<ProductLinks>();
        services.AddSingleton<CertificateRendering>();
        services.AddSingleton<CertificateService>();
        services.AddSingleton<CertificateDelivery>();
        services.AddSingleton<DeliverySweep>();
        services.AddSingleton<Images.ImageIntake>();
        services.AddSingleton<DesignPreview>();
        services.AddSingleton<LiveSessions.LiveSessionService>();
        services.AddSingleton<LiveSessions.CoachReportUpload>();
        services.AddSingleton<Reports.ReportBuilder>();
        services.AddSingleton<Reports.ReportService>();
        services.AddSingleton<CertificateExpiry>();
        services.AddSingleton<VerificationRateLimit>();
        return services;
    }
}
