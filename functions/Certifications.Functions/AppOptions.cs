namespace Certifications.Functions;

/// <summary>App-wide settings.</summary>
public sealed class AppOptions
{
    /// <summary>Where people reach the app (links in e-mails and on certificates).</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:7071";
}
