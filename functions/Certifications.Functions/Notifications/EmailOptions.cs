namespace Certifications.Functions.Notifications;

/// <summary>Where mail goes: an SMTP server when Host is set (Azure Communication Services' SMTP relay, SendGrid, Office 365…), else .eml files in an outbox folder.</summary>
public sealed class EmailOptions
{
    public const string Section = "Smtp";

    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>STARTTLS when the server offers it; off only for a local test server.</summary>
    public bool UseTls { get; set; } = true;

    public string From { get; set; } = "Certifications <no-reply@certifications.local>";

    /// <summary>The folder .eml files are written to when no SMTP host is configured.</summary>
    public string OutboxFolder { get; set; } = Path.Combine(Path.GetTempPath(), "certifications-outbox");
}
