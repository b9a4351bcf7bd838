namespace Certifications.Storage.Common;

/// <summary>A stored value with the ETag that a conditional write must present.</summary>
public sealed record Versioned<T>(T Value, string ETag)
{
    /// <summary>
    /// The ETag as the API shows it: Table Storage hands out weak validators, but If-Match needs a strong
    /// comparison, and clients that parse the header drop the W/ prefix; so the API speaks the quoted value alone.
    /// </summary>
    public string PublicETag => Strong(ETag);

    /// <summary>Whether an If-Match header value (absent means "any version") names this version.</summary>
    public bool IsMatchedBy(string? ifMatch) =>
        ifMatch is null || string.Equals(Strong(ifMatch.Trim()), PublicETag, StringComparison.Ordinal);

    private static string Strong(string etag) => etag.StartsWith("W/", StringComparison.Ordinal) ? etag[2..] : etag;
}
