using Certifications.Domain.Catalog;

namespace Certifications.Domain.Tests;

public sealed class CertificateDesignInputTests
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];

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
        var (design, logo) = Valid().Validate(CertificateDesign.Default).Value;

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

    [Fact]
    public void A_body_too_long_for_one_page_is_refused() =>
        Assert.Contains("body", (Valid() with { Body = new string('x', CertificateDesignInput.MaxBodyLength + 1) }).Validate(CertificateDesign.Default).Error!.Fields!.Keys);

    [Fact]
    public void Orientation_is_landscape_or_portrait() =>
        Assert.Contains("orientation", (Valid() with { Orientation = "diagonal" }).Validate(CertificateDesign.Default).Error!.Fields!.Keys);

    [Fact]
    public void A_png_logo_is_taken_by_its_bytes()
    {
        var (_, logo) = (Valid() with { Logo = "data:image/png;base64," + Convert.ToBase64String(Png) }).Validate(CertificateDesign.Default).Value;

        Assert.Equal("image/png", logo!.ContentType);
    }

    [Fact]
    public void A_logo_that_is_not_an_image_is_refused_whatever_it_claims() =>
        Assert.Contains("logo", (Valid() with { Logo = "data:image/png;base64," + Convert.ToBase64String("<svg/>"u8.ToArray()) }).Validate(CertificateDesign.Default).Error!.Fields!.Keys);

    [Fact]
    public void A_logo_over_one_megabyte_is_refused()
    {
        var big = new byte[CertificateDesignInput.MaxLogoBytes + 1];
        Png.CopyTo(big, 0);

        Assert.Contains("logo", (Valid() with { Logo = "data:image/png;base64," + Convert.ToBase64String(big) }).Validate(CertificateDesign.Default).Error!.Fields!.Keys);
    }

    [Fact]
    public void The_current_logo_reference_keeps_the_logo()
    {
        var current = CertificateDesign.Default with { LogoBlob = "org/crt/logo-abc.png" };

        var (design, logo) = (Valid() with { Logo = "org/crt/logo-abc.png" }).Validate(current).Value;

        Assert.Equal("org/crt/logo-abc.png", design.LogoBlob);
        Assert.Null(logo);
    }
}
