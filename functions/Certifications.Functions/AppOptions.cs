namespace Certifications.Functions;

/// <summary>App-wide settings.</summary>
public sealed class AppOptions
{
    /// <summary>Where people reach the app (links in e-mails and on certificates).</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:7071";

    /// <summary>Where people open the web app, when it is served apart from the API (links to its pages); else <see cref="PublicBaseUrl"/>.</summary>
    public string? WebBaseUrl { get; set; }

    /// <summary>
    /// Whether the last X-Forwarded-For hop names the client: true behind the platform's front end, which appends the
    /// address it saw; false where clients connect directly (the dev host), as the header is then whatever they sent.
    /// </summary>
    public bool TrustForwardedFor { get; set; }

    /// <summary>How long the delivery sweep leaves what is owed to the pipeline before it steps in (shorter in the fault bench).</summary>
    public TimeSpan DeliverySweepGrace { get; set; } = TimeSpan.FromMinutes(10);
}
