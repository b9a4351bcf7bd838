using System.Net;
using System.Net.Http.Json;
using Certifications.Domain.People;
using Certifications.Functions.Tests.Fixtures;

namespace Certifications.Functions.Tests.Http;

[Collection(DevHostCollection.Name)]
public sealed class CatalogTests(DevHostFixture fixture)
{
    private static object Draft(string title = "Negotiation") => new
    {
        title,
        description = "Basics",
        requireApproval = true,
        validityMonths = 12,
        criteria = new object[]
        {
            new { kind = "content", title = "Read" },
            new { kind = "activity", title = "Quiz", externalActivityId = "quiz-1", minScore = 80 },
            new { kind = "activity", title = "Role-play", evidenceRequired = true },
            new { kind = "review", title = "Observed" },
            new { kind = "live_session", title = "Live", skills = new[] { "Greeting", "Closing" }, minStars = 4 },
        },
    };

    [Fact]
    public async Task An_admin_creates_a_draft_with_criteria_of_every_kind()
    {
        var org = await TestOrganization.CreateAsync(fixture.Host);
        using var admin = org.AsAdmin();

        var response = await admin.PostAsJsonAsync("certifications", Draft());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.NotNull(response.Headers.ETag);
        var certification = await response.Json();
        Assert.Equal("Draft", certification["status"]!.GetValue<string>());
        Assert.Equal(
            ["content", "activity", "activity", "review", "live_session"], certification["criteria"]!.AsArray().Select(c => c!["kind"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Invalid_criteria_are_400_naming_each_field_and_create_nothing()
    {
        var org = await TestOrganization.CreateAsync(fixture.Host);
        using var admin = org.AsAdmin();

        var problem = await (await admin.PostAsJsonAsync(
            "certifications", new { title = "", criteria = new object[] { new { kind = "quiz", title = "x" } } })).Problem(HttpStatusCode.BadRequest);

        Assert.NotNull(problem["errors"]!["title"]);
        Assert.NotNull(problem["errors"]!["criteria[0].kind"]);
        Assert.Empty((await (await admin.GetAsync("certifications")).Json())["items"]!.AsArray());
    }

    [Fact]
    public async Task Editing_with_a_stale_etag_is_412_and_changes_nothing()
    {
        var org = await TestOrganization.CreateAsync(fixture.Host);
        using var admin = org.AsAdmin();
        var created = await admin.PostAsJsonAsync("certifications", Draft("Original"));
        var id = (await created.Json())["id"]!.GetValue<string>();
        var stale = created.Headers.ETag!.Tag;
        (await admin.PutAsJsonAsync($"certifications/{id}", Draft("Edited"))).EnsureSuccessStatusCode();

        using var request = new HttpRequestMessage(HttpMethod.Put, $"certifications/{id}") { Content = JsonContent.Create(Draft("Lost update")) };
        request.Headers.TryAddWithoutValidation("If-Match", stale);
        await (await admin.SendAsync(request)).Problem(HttpStatusCode.PreconditionFailed);

        Assert.Equal("Edited", (await (await admin.GetAsync($"certifications/{id}")).Json())["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task Publishing_then_archiving_moves_the_status_and_archived_takes_no_enrollments()
    {
        var org = await TestOrganization.CreateAsync(fixture.Host);
        var sales = await org.AddGroupAsync("Sales");
        var learner = await org.AddUserAsync("Lena", groups: [sales]);
        var id = await org.PublishedCertificationAsync("Course", sales);
        using var admin = org.AsAdmin();

        var archived = await (await admin.PostAsync($"certifications/{id}/archive", null)).Json();

        Assert.Equal("Archived", archived["status"]!.GetValue<string>());
        using var client = org.As(learner);
        await (await client.PostAsync($"certifications/{id}/enrollments", null)).Problem(HttpStatusCode.Conflict);
        await (await admin.PostAsJsonAsync($"certifications/{id}/assignments", new { learnerIds = new[] { learner.Id } })).Problem(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Learners_and_coaches_cannot_manage_the_catalog()
    {
        var org = await TestOrganization.CreateAsync(fixture.Host);
        using var learner = org.As(await org.AddUserAsync("Lena"));
        using var coach = org.As(await org.AddUserAsync("Carla", Role.Coach));

        await (await learner.PostAsJsonAsync("certifications", Draft())).Problem(HttpStatusCode.Forbidden);
        await (await coach.PostAsJsonAsync("certifications", Draft())).Problem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Another_organizations_certification_is_404_for_every_verb()
    {
        var org = await TestOrganization.CreateAsync(fixture.Host);
        var other = await TestOrganization.CreateAsync(fixture.Host);
        var theirs = await other.PublishedCertificationAsync();
        using var admin = org.AsAdmin();

        await (await admin.GetAsync($"certifications/{theirs}")).Problem(HttpStatusCode.NotFound);
        await (await admin.PutAsJsonAsync($"certifications/{theirs}", Draft())).Problem(HttpStatusCode.NotFound);
        await (await admin.PostAsync($"certifications/{theirs}/publish", null)).Problem(HttpStatusCode.NotFound);
        await (await admin.GetAsync($"certifications/{theirs}/learning-records")).Problem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task View_access_takes_only_this_organizations_groups()
    {
        var org = await TestOrganization.CreateAsync(fixture.Host);
        var other = await TestOrganization.CreateAsync(fixture.Host);
        var foreign = await other.AddGroupAsync("Theirs");
        var id = await org.PublishedCertificationAsync();
        using var admin = org.AsAdmin();

        await (await admin.PutAsJsonAsync($"certifications/{id}/view-access", new { groupIds = new[] { foreign } })).Problem(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Learners_discover_only_published_certifications_with_view_access()
    {
        var org = await TestOrganization.CreateAsync(fixture.Host);
        var sales = await org.AddGroupAsync("Sales");
        var support = await org.AddGroupAsync("Support");
        var visible = await org.PublishedCertificationAsync("For sales", sales);
        var hidden = await org.PublishedCertificationAsync("For support", support);
        using var admin = org.AsAdmin();
        (await admin.PostAsJsonAsync("certifications", Draft("Draft for sales"))).EnsureSuccessStatusCode();
        using var learner = org.As(await org.AddUserAsync("Lena", groups: [sales]));

        var list = await (await learner.GetAsync("certifications")).Json();

        Assert.Equal([visible], list.Ids("id"));
        await (await learner.GetAsync($"certifications/{hidden}")).Problem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_design_with_bad_colours_and_placeholders_is_400_and_the_design_is_unchanged()
    {
        var org = await TestOrganization.CreateAsync(fixture.Host);
        var id = await org.PublishedCertificationAsync();
        using var admin = org.AsAdmin();

        var problem = await (await admin.PutAsJsonAsync(
            $"certifications/{id}/certificate-design",
            new
            {
                heading = "Well done",
                body = "{{learner}} scored {{score}}",
                primaryColor = "blue",
                accentColor = "#C9A227",
                orientation = "landscape"
            })).Problem(HttpStatusCode.BadRequest);

        Assert.Contains("{{score}}", problem["errors"]!["body"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.NotNull(problem["errors"]!["primaryColor"]);
        Assert.Equal(
            "Certificate of Achievement", (await (await admin.GetAsync($"certifications/{id}")).Json())["certificateDesign"]!["heading"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_design_with_a_png_logo_is_stored()
    {
        var org = await TestOrganization.CreateAsync(fixture.Host);
        var id = await org.PublishedCertificationAsync();
        using var admin = org.AsAdmin();
        var png = Certifications.DevHost.Demo.DemoLogo.Png();

        var design = await (await admin.PutAsJsonAsync($"certifications/{id}/certificate-design", new
        {
            heading = "Certificate",
            body = "{{learner}} earned {{certification}}",
            primaryColor = "#112233",
            accentColor = "#445566",
            logo = "data:image/png;base64," + Convert.ToBase64String(png),
            signatoryName = "Ada Admin",
            signatoryTitle = "CLO",
            orientation = "portrait",
        })).Json();

        Assert.EndsWith(".png", design["certificateDesign"]!["logo"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("portrait", design["certificateDesign"]!["orientation"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_design_takes_the_organizations_heading_font_keeps_it_on_the_next_save_and_refuses_one_that_is_no_font()
    {
        var org = await TestOrganization.CreateAsync(fixture.Host);
        var id = await org.PublishedCertificationAsync();
        using var admin = org.AsAdmin();
        var font = File.ReadAllBytes(Path.Combine(
            Certifications.DevHost.RepositoryRoot.Find(), "functions", "Certifications.Functions", "Certificates", "Rendering", "Fonts", "DejaVuSans.ttf"));
        object Design(string headingFont) => new
        {
            heading = "Zertifikat",
            body = "{{learner}} earned {{certification}}",
            primaryColor = "#112233",
            accentColor = "#445566",
            headingFont,
        };

        var noFont = Design("data:font/ttf;base64," + Convert.ToBase64String([0, 1, 0, 0, 9, 9, 9, 9]));
        var refused = await (await admin.PutAsJsonAsync($"certifications/{id}/certificate-design", noFont)).Problem(HttpStatusCode.BadRequest);
        Assert.NotNull(refused["errors"]!["headingFont"]);

        var upload = Design("data:font/ttf;base64," + Convert.ToBase64String(font));
        var saved = await (await admin.PutAsJsonAsync($"certifications/{id}/certificate-design", upload)).Json();
        var stored = saved["certificateDesign"]!["headingFont"]!.GetValue<string>();
        Assert.EndsWith(".ttf", stored, StringComparison.Ordinal);
        var again = await (await admin.PutAsJsonAsync($"certifications/{id}/certificate-design", Design(stored))).Json();
        Assert.Equal(stored, again["certificateDesign"]!["headingFont"]!.GetValue<string>());

        var preview = await (await admin.GetAsync($"certifications/{id}/certificate-design/preview")).Content.ReadAsByteArrayAsync();
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(preview);
        Assert.Contains(pdf.GetPage(1).Letters, l => l.Value == "Z" && (l.FontName ?? string.Empty).Contains("DejaVuSans", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_design_with_a_16_bit_interlaced_logo_saves_normalised_and_its_certificate_is_drawn()
    {
        var org = await TestOrganization.CreateAsync(fixture.Host);
        var id = await org.PublishedCertificationAsync();
        using var admin = org.AsAdmin();
        var logo = Images.PngFiles.Blank(120, 40, bitDepth: 16, colorType: 6, interlaced: true);

        var saved = await admin.PutAsJsonAsync(
            $"certifications/{id}/certificate-design", DesignWithLogo("data:image/png;base64," + Convert.ToBase64String(logo)));
        saved.EnsureSuccessStatusCode();

        var preview = await admin.GetAsync($"certifications/{id}/certificate-design/preview");
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Equal("application/pdf", preview.Content.Headers.ContentType!.MediaType);
        Assert.Contains("Zoë Ångström-Núñez", Certificates.PdfReading.Text(await preview.Content.ReadAsByteArrayAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_logo_that_inflates_past_its_size_is_refused_on_save_and_preview_and_changes_nothing()
    {
        var org = await TestOrganization.CreateAsync(fixture.Host);
        var id = await org.PublishedCertificationAsync();
        using var admin = org.AsAdmin();
        var bomb = Images.PngFiles.Png(1000, 1000, 8, 0, interlaced: false, inflatedBytes: 200L * 1024 * 1024);
        var design = DesignWithLogo("data:image/png;base64," + Convert.ToBase64String(bomb));

        var onSave = await (await admin.PutAsJsonAsync($"certifications/{id}/certificate-design", design)).Problem(HttpStatusCode.BadRequest);
        var onPreview = await (await admin.PostAsJsonAsync($"certifications/{id}/certificate-design/preview", design)).Problem(HttpStatusCode.BadRequest);

        Assert.Contains("decompression bomb", onSave["errors"]!["logo"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("decompression bomb", onPreview["errors"]!["logo"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null((await (await admin.GetAsync($"certifications/{id}")).Json())["certificateDesign"]!["logo"]);
    }

    private static object DesignWithLogo(string logo) => new
    {
        heading = "Certificate",
        body = "{{learner}} earned {{certification}}",
        primaryColor = "#112233",
        accentColor = "#445566",
        logo,
        orientation = "landscape",
    };
}
