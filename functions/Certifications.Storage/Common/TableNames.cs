namespace Certifications.Storage.Common;

/// <summary>The tables the app keeps, created at start-up.</summary>
public static class TableNames
{
    public const string Organizations = "Organizations";
    public const string Directory = "Directory";
    public const string Identities = "Identities";
    public const string Certifications = "Certifications";
    public const string Enrollments = "Enrollments";
    public const string LearnerEnrollments = "LearnerEnrollments";
    public const string Certificates = "Certificates";
    public const string WebhookDeliveries = "WebhookDeliveries";
    public const string LiveSessions = "LiveSessions";

    /// <summary>What was earned and is not delivered yet: the delivery sweep's index.</summary>
    public const string Undelivered = "Undelivered";

    public static IReadOnlyList<string> All { get; } =
        [Organizations, Directory, Identities, Certifications, Enrollments, LearnerEnrollments, Certificates, WebhookDeliveries, LiveSessions, Undelivered];
}

/// <summary>The blob containers the app keeps, created at start-up.</summary>
public static class ContainerNames
{
    public const string Evidence = "evidence";
    public const string CertificateRequests = "certificate-requests";
    public const string Certificates = "certificates";
    public const string Reports = "reports";
    public const string Branding = "branding";

    /// <summary>Render requests that could not be read: kept for a person to look at, never retried.</summary>
    public const string CertificateRequestsPoison = "certificate-requests-poison";

    /// <summary>Coaches' reports uploaded with a live session's rating.</summary>
    public const string SessionReports = "session-reports";

    public static IReadOnlyList<string> All { get; } = [Evidence, CertificateRequests, Certificates, Reports, Branding, CertificateRequestsPoison,
        SessionReports];
}
