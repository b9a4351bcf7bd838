using System.Diagnostics;
using Certifications.Domain.Catalog;
using Certifications.Domain.Common;
using Certifications.Functions.Images;
using Certifications.Functions.Tests.Certificates;
using SkiaSharp;

namespace Certifications.Functions.Tests.Images;

public sealed class ImageIntakeTests : IDisposable
{
    private readonly ImageIntake intake = new();

    [Fact]
    public void A_small_png_whose_data_inflates_to_hundreds_of_megabytes_is_refused_within_a_second_with_memory_bounded()
    {
        // 2,000 × 2,000 grey declares 4 MB of scanlines; the data inflates to 400 MB from a file of under 1 MB.
        var bomb = PngFiles.Png(2000, 2000, 8, 0, interlaced: false, inflatedBytes: 400L * 1024 * 1024);
        Assert.True(bomb.Length < CertificateDesignInput.MaxLogoBytes);

        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        var refused = intake.Normalise(new LogoImage(bomb, "image/png"), "logo");
        clock.Stop();

        Assert.Contains("decompression bomb", Message(refused), StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"took {clock.Elapsed}");
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - allocated < 16 * 1024 * 1024, "allocated more than 16 MB");
    }

    [Theory]
    [InlineData(16, 6, false)] // 16-bit RGBA
    [InlineData(16, 0, false)] // 16-bit grey
    [InlineData(4, 0, false)] // 4-bit grey
    [InlineData(1, 0, false)] // 1-bit grey
    [InlineData(8, 2, true)] // interlaced RGB
    [InlineData(16, 4, true)] // interlaced 16-bit grey with alpha
    public void Every_kind_of_png_is_stored_as_an_8_bit_non_interlaced_png_the_renderer_draws(byte depth, byte colorType, bool interlaced)
    {
        var upload = PngFiles.Blank(90, 30, depth, colorType, interlaced);

        var stored = intake.Normalise(new LogoImage(upload, "image/png"), "logo").Value;

        var header = PngFiles.Header(stored.Bytes);
        Assert.Equal((90, 30, (byte)8, false), (header.Width, header.Height, header.BitDepth, header.Interlaced));
        var pdf = CertificateRendererTests.Pdf(CertificateRendererTests.Certificate("Zoë Ångström-Núñez"), logo: stored.Bytes);
        Assert.Contains("Zoë Ångström-Núñez", PdfReading.Text(pdf), StringComparison.Ordinal);
    }

    [Fact]
    public void A_png_whose_data_ends_early_is_refused_as_damaged() =>
        Assert.Contains("ends early", Message(intake.Normalise(
            new LogoImage(PngFiles.Png(64, 64, 8, 2, interlaced: false, inflatedBytes: 1000), "image/png"), "logo")), StringComparison.Ordinal);

    [Fact]
    public void A_png_whose_data_is_not_deflate_is_refused_as_damaged() =>
        Assert.Contains("cannot be inflated", Message(intake.Normalise(
            new LogoImage(PngFiles.WithData(8, 8, 8, 2, interlaced: false, [0x78, 0x9C, 0xFF, 0xFF, 0x00, 0x12]), "image/png"), "logo")),
            StringComparison.Ordinal);

    [Theory]
    [InlineData(8, 1)] // colour type 1 does not exist
    [InlineData(3, 2)] // RGB has no 3-bit depth
    [InlineData(16, 3)] // a palette has no 16-bit depth
    public void A_png_header_the_format_does_not_allow_is_refused(byte depth, byte colorType) =>
        Assert.Contains("header", Message(intake.Normalise(
            new LogoImage(PngFiles.WithData(8, 8, depth, colorType, interlaced: false, [0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]), "image/png"),
            "logo")), StringComparison.Ordinal);

    [Fact]
    public void A_large_logo_is_stored_no_larger_than_a_certificate_needs()
    {
        var stored = intake.Normalise(new LogoImage(PngFiles.Blank(3000, 1500, 8, 6), "image/png"), "logo").Value;

        Assert.Equal((ImageIntake.MaxStoredSide, ImageIntake.MaxStoredSide / 2), (PngFiles.Header(stored.Bytes).Width, PngFiles.Header(stored.Bytes).Height));
    }

    [Fact]
    public void A_jpeg_is_stored_as_a_baseline_jpeg_of_the_same_picture()
    {
        using var bitmap = new SKBitmap(40, 20);
        bitmap.Erase(new SKColor(0x1F, 0x3A, 0x5F));
        using var progressive = bitmap.Encode(SKEncodedImageFormat.Jpeg, 80);

        var stored = intake.Normalise(new LogoImage(progressive.ToArray(), "image/jpeg"), "logo").Value;

        Assert.Equal("image/jpeg", stored.ContentType);
        Assert.Equal((40, 20), ImageSize.Of(stored.Bytes));
    }

    [Fact]
    public void A_jpeg_cut_halfway_is_refused_as_damaged()
    {
        using var bitmap = new SKBitmap(200, 200);
        bitmap.Erase(SKColors.Goldenrod);
        var jpeg = bitmap.Encode(SKEncodedImageFormat.Jpeg, 80).ToArray();

        Assert.Contains("damaged", Message(intake.Normalise(new LogoImage(jpeg[..(jpeg.Length / 2)], "image/jpeg"), "logo")), StringComparison.Ordinal);
    }

    private static string Message(Result<LogoImage> result)
    {
        Assert.False(result.IsSuccess, "the image was accepted");
        return result.Error!.Fields!["logo"][0];
    }

    public void Dispose() => intake.Dispose();
}
