using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Certifications.Web.Tests.Fixtures;
using Microsoft.Playwright;

namespace Certifications.Web.Tests.Journeys;

/// <summary>What an employer opens from a CV or a QR code: the certificate's own page, with its picture, at any width.</summary>
[Collection(WebAppCollection.Name)]
public sealed class VerificationPageTests(WebAppFixture fixture)
{
    [Fact]
    public Task The_verification_page_shows_the_certificate_drawn_on_the_server_and_reads_well_on_a_phone() => fixture.JourneyAsync(async () =>
    {
        var id = await EarnAsync("Négociation avancée — 交渉");

        // Drawn on the server: the page holds the certificate's words and its preview tags before any script runs.
        var page = await fixture.NewPageAsync(390);
        var answer = await page.APIRequest.GetAsync($"/api/verify/{id}", new() { Headers = new Dictionary<string, string> { ["Accept"] = "text/html" } });
        var html = await answer.TextAsync();
        Assert.Contains("Négociation avancée — 交渉", html, StringComparison.Ordinal);
        Assert.Contains($"<meta property=\"og:image\" content=\"{fixture.Host.BaseUrl}/api/verify/{id}/picture\">", html, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"earned\">What was earned</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<li>Lire le guide — 阅读指南</li>", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"{fixture.Host.BaseUrl}/api/verify/{id}/pdf\" download", html, StringComparison.Ordinal);

        await page.GotoAsync($"/api/verify/{id}?format=html");
        var picture = page.GetByRole(AriaRole.Img, new() { Name = "The certificate of Négociation avancée — 交渉, awarded to Lena Learner" });
        await Assertions.Expect(picture).ToBeVisibleAsync();
        await page.WaitForFunctionAsync("() => document.querySelector('img').naturalWidth > 0");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Valid certificate" })).ToBeVisibleAsync();
        await page.AssertNoSidewaysScrollAsync();
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync(fixture, "verification-page-with-picture");

        // The PDF it offers is the one issued, as the page itself checks in the browser: nothing is uploaded.
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download the PDF" }).ClickAsync());
        var pdf = await download.PathAsync();
        var check = page.GetByRole(AriaRole.Region, new() { Name = "Check a PDF you were given" });
        var uploads = new List<string>();
        page.Request += (_, request) =>
        {
            if (request.Method != "GET")
            {
                uploads.Add(request.Url);
            }
        };
        await check.GetByLabel("PDF to check").SetInputFilesAsync(pdf);
        await Assertions.Expect(check.GetByText("This is the PDF that was issued: its fingerprint matches.")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(fixture.Screenshots, "verification-page-file-checked-390.png"), FullPage = true });
        var changed = (await File.ReadAllBytesAsync(pdf)).Append((byte)'\n').ToArray();
        await check.GetByLabel("PDF to check").SetInputFilesAsync(new FilePayload { Name = "certificate.pdf", MimeType = "application/pdf", Buffer = changed });
        await Assertions.Expect(check.GetByText("This file is not the PDF that was issued: its fingerprint does not match.")).ToBeVisibleAsync();
        Assert.Empty(uploads);
        await page.AssertNothingRefusedAsync();
        await page.AssertAccessibleAsync();
    });

    /// <summary>Lena earns a certification of one content criterion; the certificate's id once its PDF and picture are drawn.</summary>
    private async Task<string> EarnAsync(string title)
    {
        using var admin = fixture.ApiAs("Ada Admin");
        using var lena = fixture.ApiAs("Lena Learner");
        var lenaId = fixture.DemoUsers.Single(u => u.DisplayName == "Lena Learner").Id;
        var criteria = new[] { new { kind = "content", title = "Lire le guide — 阅读指南" } };
        var created = JsonNode.Parse(await (await admin.PostAsJsonAsync("certifications", new { title, criteria })).Content.ReadAsStringAsync())!;
        var certificationId = created["id"]!.GetValue<string>();
        (await admin.PostAsync($"certifications/{certificationId}/publish", null)).EnsureSuccessStatusCode();
        var assigned = await admin.PostAsJsonAsync($"certifications/{certificationId}/assignments", new { learnerIds = new[] { lenaId } });
        var enrollment = JsonNode.Parse(await assigned.Content.ReadAsStringAsync())!["results"]![0]!["enrollmentId"]!.GetValue<string>();
        var detail = JsonNode.Parse(await lena.GetStringAsync($"enrollments/{enrollment}"))!;
        var criterion = detail["criteria"]![0]!["criterionId"]!.GetValue<string>();
        (await lena.PostAsync($"enrollments/{enrollment}/criteria/{criterion}/complete", null)).EnsureSuccessStatusCode();
        for (var wait = 0; wait < 60; wait++)
        {
            var mine = JsonNode.Parse(await lena.GetStringAsync("me/certificates"))!["items"]!.AsArray();
            if (mine.FirstOrDefault(c => c!["certification"]!.GetValue<string>() == title && c["downloadUrl"] is not null) is { } drawn)
            {
                return drawn["id"]!.GetValue<string>();
            }

            await Task.Delay(500);
        }

        throw new TimeoutException($"No certificate of {title} was drawn within 30 seconds.");
    }
}
