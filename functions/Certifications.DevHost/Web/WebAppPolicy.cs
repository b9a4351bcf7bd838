namespace Certifications.DevHost.Web;

/// <summary>
/// The web app's Content-Security-Policy: its own files and API, and no inline code at all (index.html is a static shell
/// whose only script is the module entry).
/// </summary>
public static class WebAppPolicy
{
    public const string Value = "default-src 'self'; script-src 'self'; style-src 'self'; "
        + "img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
}
