using Certifications.Domain.Catalog;

namespace Certifications.Domain.Tests;

public sealed class CertificateDesignInputTests
{
    private static readonly byte[] Png = PngHeader(200, 80);

    private static CertificateDesignInput Valid() => new()
    {
        Heading = "Certificate of Achievement",
        Body = "{{learner}} earned {{certification}} on {{date}} (id {{id}}, valid until {{expires}}).",
        PrimaryColor = "#1f3a5f",
        AccentColor = "#C9A227",
        SignatoryName = "Ada Admin",
        SignatoryTitle = "Head of Learning",
        Orientation = "portrait",
    };

    [Fact]
    public void A_valid_design_is_accepted_with_colours_normalised()
    {
        var (design, logo, _) = Valid().Validate(CertificateDesign.Default).Value;

        Assert.Equal("#1F3A5F", design.PrimaryColor);
        Assert.Equal(Orientation.Portrait, design.Orientation);
        Assert.Null(logo);
    }

    [Theory]
    [InlineData("red")]
    [InlineData("#FFF")]
    [InlineData("#GGGGGG")]
    public void Colours_must_be_hex_rrggbb(string color) =>
        Assert.Contains("primaryColor", (Valid() with { PrimaryColor = color }).Validate(CertificateDesign.Default).Error!.Fields!.Keys);

    [Fact]
    public void Unknown_placeholders_are_named()
    {
        var error = (Valid() with { Body = "{{learner}} got {{grade}} and {{ score }}" }).Validate(CertificateDesign.Default).Error!;

        var message = Assert.Single(error.Fields!["body"]);
        Assert.Contains("{{grade}}", message, StringComparison.Ordinal);
        Assert.Contains("{{score}}", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(4096, 4096, true)]
    [InlineData(4097, 10, false)]
    [InlineData(20000, 20000, false)]
    [InlineData(0, 10, false)]
    public void A_logo_is_refused_by_its_declared_pixel_size_before_anything_decodes_it(int width, int height, bool accepted)
    {
        var result = (Valid() with { Logo = "data:image/png;base64," + Convert.ToBase64String(PngHeader(width, height)) }).Validate(CertificateDesign.Default);

        Assert.Equal(accepted, result.IsSuccess);
    }

    [Fact]
    public void A_jpeg_logo_is_measured_by_its_frame_header()
    {
        // SOI, an APP0 segment of 16 bytes, then SOF0 with precision 8, height 300, width 1200.
        byte[] jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, .. new byte[14], 0xFF, 0xC0, 0x00, 0x11, 0x08, 0x01, 0x2C, 0x04, 0xB0, 0x03, .. new byte[9]];

        Assert.Equal((1200, 300), ImageSize.Of(jpeg));
    }

    private static byte[] PngHeader(int width, int height)
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R', 0, 0, 0, 0, 0, 0, 0, 0,
            8, 6, 0, 0, 0];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(16), width);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(20), height);
        return png;
    }

    [Fact]
    public void A_body_too_long_for_one_page_is_refused() =>
        Assert.Contains(
            "body", (Valid() with { Body = new string('x', CertificateDesignInput.MaxBodyLength + 1) }).Validate(
            CertificateDesign.Default).Error!.Fields!.Keys);

    [Fact]
    public void Orientation_is_landscape_or_portrait() =>
        Assert.Contains("orientation", (Valid() with { Orientation = "diagonal" }).Validate(CertificateDesign.Default).Error!.Fields!.Keys);

    [Fact]
    public void A_png_logo_is_taken_by_its_bytes()
    {
        var (_, logo, _) = (Valid() with { Logo = "data:image/png;base64," + Convert.ToBase64String(Png) }).Validate(CertificateDesign.Default).Value;

        Assert.Equal("image/png", logo!.ContentType);
    }

    [Fact]
    public void A_logo_that_is_not_an_image_is_refused_whatever_it_claims() =>
        Assert.Contains(
            "logo", (Valid() with { Logo = "data:image/png;base64," + Convert.ToBase64String("<svg/>"u8.ToArray()) }).Validate(
            CertificateDesign.Default).Error!.Fields!.Keys);

    [Fact]
    public void A_logo_over_one_megabyte_is_refused()
    {
        var big = new byte[CertificateDesignInput.MaxLogoBytes + 1];
        Png.CopyTo(big, 0);

        Assert.Contains(
            "logo", (Valid() with { Logo = "data:image/png;base64," + Convert.ToBase64String(big) }).Validate(CertificateDesign.Default).Error!.Fields!.Keys);
    }

    [Fact]
    public void The_current_logo_reference_keeps_the_logo()
    {
        var current = CertificateDesign.Default with { LogoBlob = "org/crt/logo-abc.png" };

        var (design, logo, _) = (Valid() with { Logo = "org/crt/logo-abc.png" }).Validate(current).Value;

        Assert.Equal("org/crt/logo-abc.png", design.LogoBlob);
        Assert.Null(logo);
    }

    [Theory]
    [InlineData(new byte[] { 0x00, 0x01, 0x00, 0x00, 0x00, 0x10 }, "ttf")]
    [InlineData(new byte[] { (byte)'O', (byte)'T', (byte)'T', (byte)'O', 0x00, 0x10 }, "otf")]
    [InlineData(new byte[] { (byte)'t', (byte)'r', (byte)'u', (byte)'e', 0x00, 0x10 }, "ttf")]
    public void A_truetype_or_opentype_heading_font_is_taken_by_its_first_bytes(byte[] font, string extension)
    {
        var input = Valid() with { HeadingFont = "data:font/ttf;base64," + Convert.ToBase64String(font) };

        var (_, _, uploaded) = input.Validate(CertificateDesign.Default).Value;

        Assert.Equal(extension, uploaded!.Extension);
    }

    [Theory]
    [InlineData("data:font/woff2;base64,d09GMgABAAA=")]
    [InlineData("data:font/ttf;base64,dHRjZgABAAA=")]
    [InlineData("data:font/ttf;base64,not base64!")]
    [InlineData("https://fonts.example/brand.ttf")]
    public void A_web_font_a_collection_broken_base64_or_a_link_is_refused_as_a_heading_font(string headingFont)
    {
        var error = (Valid() with { HeadingFont = headingFont }).Validate(CertificateDesign.Default).Error!;

        Assert.Contains("headingFont", error.Fields!.Keys);
    }

    [Fact]
    public void A_heading_font_over_2_mb_is_refused_before_it_is_decoded_and_an_empty_one_removes_the_current_font()
    {
        var big = "data:font/ttf;base64," + new string('A', ((CertificateDesignInput.MaxFontBytes + 3) / 3 * 4) + 8);
        Assert.Contains("headingFont", (Valid() with { HeadingFont = big }).Validate(CertificateDesign.Default).Error!.Fields!.Keys);

        var current = CertificateDesign.Default with { HeadingFontBlob = "org/crt/font-abc.ttf" };
        Assert.Equal("org/crt/font-abc.ttf", (Valid() with { HeadingFont = "org/crt/font-abc.ttf" }).Validate(current).Value.Design.HeadingFontBlob);
        Assert.Null((Valid() with { HeadingFont = string.Empty }).Validate(current).Value.Design.HeadingFontBlob);
    }
}
