namespace Certifications.Functions.Notifications;

/// <summary>Where mail goes: an SMTP server when Host is set (Azure Communication Services' SMTP relay, SendGrid, Office 365…), else .eml files in an
/// outbox folder.</summary>
public sealed class EmailOptions
{
    public const string Section = "Smtp";

    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>
    /// TLS is required: STARTTLS on 587 (or implicit TLS on 465), never "when available", which a network attacker
    /// downgrades to read the password. Off only in Development, for a local test server.
    /// </summary>
    public bool UseTls { get; set; } = true;

    public string From { get; set; } = "Certifications <no-reply@certifications.local>";

    /// <summary>The folder .eml files are written to when no SMTP host is configured; one of the two must be set.</summary>
    public string? OutboxFolder { get; set; }
}
