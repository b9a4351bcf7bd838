using System.Collections.Concurrent;
using PdfSharp.Fonts;

namespace Certifications.Functions.Certificates.Rendering;

/// <summary>
/// The fonts certificates are drawn with, shipped inside the assembly (DejaVu, see Fonts/LICENSE.txt): Linux and
/// Azure have no system fonts to fall back on. DejaVu covers the accents and most scripts learners' names use; Droid Sans
/// Fallback draws Chinese and Japanese, Nanum Square Korean.
/// </summary>
public sealed class CertificateFonts : IFontResolver
{
    public const string Serif = "Certificate Serif";
    public const string Sans = "Certificate Sans";

    /// <summary>Chinese and Japanese, which DejaVu lacks (Droid Sans Fallback); see <see cref="MixedText"/>.</summary>
    public const string Fallback = "Certificate Fallback";

    /// <summary>Korean, which neither DejaVu nor the fallback has (Nanum Square).</summary>
    public const string Hangul = "Certificate Hangul";

    private static readonly Lazy<bool> Installed = new(() =>
    {
        GlobalFontSettings.FontResolver = new CertificateFonts();
        return true;
    }, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly ConcurrentDictionary<string, byte[]> faces = new(StringComparer.Ordinal);

    /// <summary>Registers the fonts with PDFsharp, once per process, before the first document is drawn.</summary>
    public static void EnsureInstalled() => _ = Installed.Value;

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) => familyName switch
    {
        Serif => new FontResolverInfo(bold ? "DejaVuSerif-Bold" : "DejaVuSerif"),
        Sans => new FontResolverInfo("DejaVuSans", mustSimulateBold: bold, mustSimulateItalic: italic),
        Fallback => new FontResolverInfo("DroidSansFallbackFull", mustSimulateBold: bold, mustSimulateItalic: italic),
        Hangul => new FontResolverInfo("NanumSquareR", mustSimulateBold: bold, mustSimulateItalic: italic),
        _ => new FontResolverInfo("DejaVuSans"),
    };

    public byte[]? GetFont(string faceName) => faces.GetOrAdd(faceName, static name =>
    {
        using var stream = typeof(CertificateFonts).Assembly.GetManifestResourceStream($"Certifications.Fonts.{name}.ttf")
            ?? throw new InvalidOperationException($"The font {name} is not embedded in the app.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });
}
