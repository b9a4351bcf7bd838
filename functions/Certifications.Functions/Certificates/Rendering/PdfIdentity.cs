using System.Security.Cryptography;
using System.Text;

namespace Certifications.Functions.Certificates.Rendering;

/// <summary>
/// Skia names a PDF/A document with a UUID made partly from the clock, written in its XMP metadata (twice) and in the trailer's
/// /ID (as hex). It is replaced, same length so no offset moves, by one derived from the certificate id: a re-rendered
/// certificate is byte for byte the same, and keeps its SHA-256.
/// </summary>
public static class PdfIdentity
{
    private static readonly byte[] Marker = "<xmpMM:DocumentID>uuid:"u8.ToArray();

    public static void MakeStable(Span<byte> pdf, string certificateId)
    {
        var at = pdf.IndexOf(Marker);
        if (at < 0 || !Guid.TryParseExact(Encoding.ASCII.GetString(pdf.Slice(at + Marker.Length, 36)), "D", out var skias))
        {
            return;
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("pdf/" + certificateId)).AsSpan(0, 16).ToArray();
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50); // version 5: a name-based UUID
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80); // RFC 4122 variant
        var stable = new Guid(hash, bigEndian: true);
        Replace(pdf, skias.ToString("D"), stable.ToString("D"));
        Replace(pdf, skias.ToString("N").ToUpperInvariant(), stable.ToString("N").ToUpperInvariant());
    }

    private static void Replace(Span<byte> pdf, string old, string replacement)
    {
        var (from, to) = (Encoding.ASCII.GetBytes(old), Encoding.ASCII.GetBytes(replacement));
        for (var at = pdf.IndexOf(from); at >= 0;)
        {
            to.CopyTo(pdf[at..]);
            var next = pdf[(at + to.Length)..].IndexOf(from);
            at = next < 0 ? -1 : at + to.Length + next;
        }
    }
}
