using System.Security.Cryptography;
using Certifications.Domain.Catalog;
using Certifications.Domain.Common;
using Microsoft.Extensions.Caching.Memory;
using SkiaSharp;

namespace Certifications.Functions.Images;

/// <summary>
/// The one door for every image a person uploads: checked by its bytes, decoded once with hard limits, and turned
/// into a plain 8-bit, non-interlaced image no larger than any certificate needs. What is stored is what this returns,
/// so no renderer ever meets a 16-bit, interlaced, corrupt or inflating file.
/// </summary>
public sealed class ImageIntake : IDisposable
{
    /// <summary>Longest side stored: a logo is drawn at most 220 pt wide, so 1,024 px is sharp at over 300 dpi.</summary>
    public const int MaxStoredSide = 1024;

    private const int JpegQuality = 90;

    // The designer sends the same unsaved logo with every preview; each distinct upload is decoded once.
    private readonly MemoryCache normalised = new(new MemoryCacheOptions { SizeLimit = 32 * 1024 * 1024 });

    /// <summary>The image as it will be stored, or a 400 for <paramref name="field"/> saying why it is refused.</summary>
    public Result<LogoImage> Normalise(LogoImage upload, string field)
    {
        var key = Convert.ToHexString(SHA256.HashData(upload.Bytes));
        if (normalised.TryGetValue(key, out Result<LogoImage> known))
        {
            return known;
        }

        var result = Decode(upload, field);
        normalised.Set(key, result, new MemoryCacheEntryOptions
        {
            Size = result.IsSuccess ? result.Value.Bytes.Length : 64,
            SlidingExpiration = TimeSpan.FromMinutes(10),
        });
        return result;
    }

    private static Result<LogoImage> Decode(LogoImage upload, string field)
    {
        if (upload.ContentType == "image/png" && PngDataCheck.Problem(upload.Bytes) is { } problem)
        {
            return Error.Invalid(field, problem);
        }

        using var data = SKData.CreateCopy(upload.Bytes);
        using var codec = SKCodec.Create(data);
        if (codec is null)
        {
            return Error.Invalid(field, "is damaged or not an image: it cannot be read.");
        }

        var (width, height) = (codec.Info.Width, codec.Info.Height);
        const int maxSide = CertificateDesignInput.MaxLogoPixels;
        if (width is < 1 or > maxSide || height is < 1 or > maxSide)
        {
            return Error.Invalid(field, $"must be at most {maxSide} × {maxSide} pixels.");
        }

        using var decoded = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        var outcome = codec.GetPixels(decoded.Info, decoded.GetPixels());
        if (outcome != SKCodecResult.Success)
        {
            return Error.Invalid(field, $"is a damaged image: it could not be decoded whole ({outcome}).");
        }

        using var stored = Shrunk(decoded);
        var jpeg = upload.ContentType == "image/jpeg";
        using var encoded = (stored ?? decoded).Encode(jpeg ? SKEncodedImageFormat.Jpeg : SKEncodedImageFormat.Png, JpegQuality);
        return encoded is null
            ? Error.Invalid(field, "could not be re-encoded.")
            : new LogoImage(encoded.ToArray(), upload.ContentType);
    }

    /// <summary>A copy no longer than <see cref="MaxStoredSide"/> on its longest side; null when the image is already small enough.</summary>
    private static SKBitmap? Shrunk(SKBitmap image)
    {
        var longest = Math.Max(image.Width, image.Height);
        if (longest <= MaxStoredSide)
        {
            return null;
        }

        var scale = (double)MaxStoredSide / longest;
        var size = new SKImageInfo(
            Math.Max(1, (int)Math.Round(image.Width * scale)), Math.Max(1, (int)Math.Round(image.Height * scale)), SKColorType.Rgba8888, SKAlphaType.Unpremul);
        return image.Resize(size, new SKSamplingOptions(SKCubicResampler.Mitchell));
    }

    public void Dispose() => normalised.Dispose();
}
