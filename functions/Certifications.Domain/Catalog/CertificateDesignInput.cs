using Certifications.Domain.Common;
using Certifications.Domain.Languages;

namespace Certifications.Domain.Catalog;

/// <summary>A certificate design as an admin writes it; the logo comes as a data URL or the current logo's reference.</summary>
public sealed record CertificateDesignInput
{
    public const int MaxHeadingLength = 120;

    /// <summary>Longer bodies do not fit one page at a readable size.</summary>
    public const int MaxBodyLength = 1000;

    public const int MaxLogoBytes = 1024 * 1024;

    /// <summary>A heading font larger than this is refused before it is ever parsed (a full CJK font is 10–20 MB; a Latin one well under 1).</summary>
    public const int MaxFontBytes = 2 * 1024 * 1024;

    /// <summary>A logo larger than this in either direction is refused before it is ever decoded.</summary>
    public const int MaxLogoPixels = 4096;

    public string? Heading { get; init; }

    public string? Body { get; init; }

    public string? PrimaryColor { get; init; }

    public string? AccentColor { get; init; }

    public string? Logo { get; init; }

    /// <summary>The heading font as a data URL of a TrueType or OpenType file, or the current font's reference; empty removes it.</summary>
    public string? HeadingFont { get; init; }

    public string? SignatoryName { get; init; }

    public string? SignatoryTitle { get; init; }

    public string? Orientation { get; init; }

    /// <summary>A BCP 47 tag; absent keeps the design's.</summary>
    public string? Language { get; init; }

    /// <summary>auto (from the language), ltr or rtl; absent keeps the design's.</summary>
    public string? Direction { get; init; }

    /// <summary>The validated design and, when a new logo or font was uploaded, the file to store.</summary>
    public Result<(CertificateDesign Design, LogoImage? NewLogo, FontFile? NewFont)> Validate(CertificateDesign current)
    {
        var errors = new FieldErrors();
        var heading = errors.RequireText("heading", Heading, MaxHeadingLength);
        var body = errors.RequireText("body", Body, MaxBodyLength, multiline: true);
        CheckPlaceholders(errors, "heading", heading, MaxHeadingLength);
        CheckPlaceholders(errors, "body", body, MaxBodyLength);
        var primary = Colors.Validate(errors, "primaryColor", PrimaryColor);
        var accent = Colors.Validate(errors, "accentColor", AccentColor);
        var signatoryName = errors.RequireText("signatoryName", SignatoryName, 100, required: false);
        var signatoryTitle = errors.RequireText("signatoryTitle", SignatoryTitle, 100, required: false);
        var orientation = Catalog.Orientation.Landscape;
        if (Orientation is not null
            && (!Enum.TryParse(Orientation, ignoreCase: true, out orientation) || !Enum.IsDefined(orientation) || int.TryParse(Orientation, out _)))
        {
            errors.Add("orientation", "must be landscape or portrait.");
        }

        var language = ProductLanguages.Validate(errors, "language", Language, current.Language);
        WritingDirection? direction = Direction?.Trim().ToLowerInvariant() switch
        {
            null => current.Direction,
            "auto" => WritingDirection.Auto,
            "ltr" => WritingDirection.LeftToRight,
            "rtl" => WritingDirection.RightToLeft,
            _ => null,
        };
        if (direction is null)
        {
            errors.Add("direction", "must be auto, ltr or rtl.");
        }

        var (logoBlob, newLogo) = Upload(Logo, current.LogoBlob, url => LogoImage.FromDataUrl(errors, "logo", url));
        var (fontBlob, newFont) = Upload(HeadingFont, current.HeadingFontBlob, url => FontFile.FromDataUrl(errors, "headingFont", url));

        if (errors.Any)
        {
            return errors.ToError();
        }

        var design = new CertificateDesign
        {
            Heading = heading!,
            Body = body!,
            PrimaryColor = primary,
            AccentColor = accent,
            LogoBlob = logoBlob,
            HeadingFontBlob = fontBlob,
            SignatoryName = signatoryName,
            SignatoryTitle = signatoryTitle,
            Orientation = orientation,
            Language = language,
            Direction = direction!.Value,
        };

        // A design still in the default words of its old language takes the new language's: nobody wrote them.
        if (language != current.Language && heading == current.Heading && body == current.Body && current.HasDefaultWords)
        {
            design = design with
            {
                Heading = CertificateWords.Get(CertificateWords.Heading, language),
                Body = CertificateWords.Get(CertificateWords.Body, language),
            };
        }

        return (design, newLogo, newFont);
    }

    /// <summary>
    /// A file field (the logo, the font): empty removes the stored file; the stored file's reference keeps it; anything else is a
    /// new upload, decoded (the stored reference stays until the new file is saved in its place).
    /// </summary>
    private static (string? Blob, T? Upload) Upload<T>(string? input, string? current, Func<string, T?> decode) where T : class =>
        string.IsNullOrEmpty(input) ? (null, null) : input == current ? (current, null) : (current, decode(input));

    private static void CheckPlaceholders(FieldErrors errors, string field, string? text, int maxLength)
    {
        // Text over its limit is already refused; nothing more is read of it.
        if (text is null || text.Length > maxLength)
        {
            return;
        }

        var unknown = Placeholder.In(text)
            .Select(p => p.Name)
            .Where(name => !CertificateDesign.Placeholders.Contains(name))
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        if (unknown.Length > 0)
        {
            static string Braced(IEnumerable<string> names) => string.Join(", ", names.Select(n => "{{" + n + "}}"));
            errors.Add(field, $"unknown placeholder(s) {Braced(unknown)}; use {Braced(CertificateDesign.Placeholders)}.");
        }
    }
}

/// <summary>A logo image checked by its bytes, not by what the upload claims it is.</summary>
public sealed record LogoImage(byte[] Bytes, string ContentType)
{
    public string Extension => ContentType == "image/png" ? "png" : "jpg";

    internal static LogoImage? FromDataUrl(FieldErrors errors, string field, string dataUrl)
    {
        var bytes = DataUrls.Decode(errors, field, dataUrl, CertificateDesignInput.MaxLogoBytes, "1 MB", "data:image/png;base64,...", "logo");
        if (bytes is null)
        {
            return null;
        }

        var image = bytes.AsSpan();
        string? contentType = image switch
        {
            [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, ..] => "image/png",
            [0xFF, 0xD8, 0xFF, ..] => "image/jpeg",
            _ => null,
        };
        if (contentType is null)
        {
            errors.Add(field, "must be a PNG or JPEG image.");
            return null;
        }

        if (ImageSize.Of(image) is not ({ } width, { } height) || width is < 1 or > CertificateDesignInput.MaxLogoPixels
            || height is < 1 or > CertificateDesignInput.MaxLogoPixels)
        {
            const int max = CertificateDesignInput.MaxLogoPixels;
            errors.Add(field, $"must be at most {max} × {max} pixels, with a readable image header.");
            return null;
        }

        return new LogoImage(bytes, contentType);
    }
}
