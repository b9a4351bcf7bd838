using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using Certifications.Domain.People;
using Certifications.Functions.Certificates;
using Certifications.Functions.Tests.Certificates;
using Certifications.Functions.Tests.Fixtures;
using Certifications.Storage.Common;
using MimeKit;

namespace Certifications.Functions.Tests.Http;

/// <summary>Certificates end to end on the dev host: rendered by the blob trigger, delivered, downloaded, verified, revoked.</summary>
[Collection(DevHostCollection.Name)]
public partial class CertificateTests(DevHostFixture fixture)
{
    private static readonly object[] OneContentCriterion = [new { kind = "content", title = "Read the guide" }];

    [Fact]
    public async Task An_earned_certificate_is_rendered_delivered_downloadable_and_verifiable()
    {
        using var s = await EarnedAsync("Zoë Ångström-Núñez");
        var certificate = await RenderedAsync(s);
        var id = certificate["id"]!.GetValue<string>();

        var pdf = await (await s.AsLearner.GetAsync($"certificates/{id}/pdf")).Content.ReadAsByteArrayAsync();
        Assert.Equal(certificate["pdfSha256"]!.GetValue<string>(), Convert.ToHexStringLower(SHA256.HashData(pdf)));
        Assert.Contains("Zoë Ångström-Núñez", PdfReading.Text(pdf), StringComparison.Ordinal);
        var picture = await s.AsLearner.GetAsync($"certificates/{id}/picture");
        Assert.Equal("image/png", picture.Content.Headers.ContentType?.MediaType);
        var scanned = PdfReading.QrCode(await picture.Content.ReadAsByteArrayAsync()) ?? string.Empty;
        // The code leads back to the host that drew it, whichever port it serves on.
        Assert.Equal($"{fixture.Host.BaseUrl.ToUpperInvariant()}/API/V/{id[4..].ToUpperInvariant()}", scanned);
        Assert.Equal(scanned, PdfReading.QrCode(await PdfReading.RasterizeAsync(pdf, 144)));

        using var plain = new HttpClient();
        Assert.Equal(pdf, await plain.GetByteArrayAsync(certificate["downloadUrl"]!.GetValue<string>()));

        var verified = await (await fixture.Anonymous.GetAsync($"verify/{id}")).Json();
        Assert.Equal("valid", verified["status"]!.GetValue<string>());
        Assert.Equal("Zoë Ångström-Núñez", verified["learner"]!.GetValue<string>());
        Assert.Equal("Customer Conversations", verified["certification"]!.GetValue<string>());
        Assert.Equal(certificate["pdfSha256"]!.GetValue<string>(), verified["pdfSha256"]!.GetValue<string>());
        Assert.NotNull(verified["expiresAt"]);

        // What a phone opens from the QR code: the same certificate's page, though the address is all capitals
        // (its path asked of this test's host, which listens on a port of its own).
        using var phone = new HttpRequestMessage(HttpMethod.Get, new Uri(new Uri(fixture.Host.BaseUrl), new Uri(scanned).AbsolutePath));
        phone.Headers.Accept.ParseAdd("text/html");
        using var page = await plain.SendAsync(phone);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("Zoë Ångström-Núñez", html, StringComparison.Ordinal);

        // A shared link previews the certificate: its Open Graph picture is the certificate's own, open to anyone.
        var previewed = OgImage().Match(html).Groups[1].Value;
        Assert.Equal($"{fixture.Host.BaseUrl}/api/verify/{id}/picture", previewed);
        using var preview = await plain.GetAsync(previewed);
        Assert.Equal("image/png", preview.Content.Headers.ContentType?.MediaType);

        var mail = fixture.MailsTo(s.Learner.Email).Single(m => (m.Subject ?? string.Empty).StartsWith("You earned", StringComparison.Ordinal));
        var attached = (MimePart)mail.Attachments.Single();
        using var attachment = new MemoryStream();
        await attached.Content!.DecodeToAsync(attachment);
        Assert.Equal(pdf, attachment.ToArray());
        Assert.Contains($"/api/verify/{id}", mail.TextBody ?? string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_owner_their_coach_and_admins_see_a_certificate()
    {
        using var s = await EarnedAsync("José Núñez");
        var id = (await RenderedAsync(s))["id"]!.GetValue<string>();
        var otherCoach = await s.Org.AddUserAsync("Other Coach", Role.Coach);
        var otherLearner = await s.Org.AddUserAsync("Other Learner");
        var otherOrg = await TestOrganization.CreateAsync(fixture.Host);

        Assert.Equal(HttpStatusCode.OK, (await s.AsCoach.GetAsync($"certificates/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await s.AsAdmin.GetAsync($"certificates/{id}/pdf")).StatusCode);
        using var coach = s.Org.As(otherCoach);
        using var learner = s.Org.As(otherLearner);
        using var stranger = otherOrg.AsAdmin();
        await (await coach.GetAsync($"certificates/{id}")).Problem(HttpStatusCode.NotFound);
        await (await learner.GetAsync($"certificates/{id}/pdf")).Problem(HttpStatusCode.NotFound);
        await (await stranger.GetAsync($"certificates/{id}")).Problem(HttpStatusCode.NotFound);
        await (await stranger.PostAsJsonAsync($"certificates/{id}/revoke", new { reason = "not yours" })).Problem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_super_admin_finds_a_learners_certificates_by_the_person_and_nobody_else_does()
    {
        using var s = await EarnedAsync("José Núñez");
        var id = (await RenderedAsync(s))["id"]!.GetValue<string>();
        var path = $"users/{s.Learner.Id}/certificates";

        var found = await (await s.AsAdmin.GetAsync(path)).Json();

        Assert.Equal([id], found["items"]!.AsArray().Select(c => c!["id"]!.GetValue<string>()));
        Assert.Equal("José Núñez", found["items"]![0]!["learner"]!.GetValue<string>());
        await (await s.AsCoach.GetAsync(path)).Problem(HttpStatusCode.Forbidden);
        await (await s.AsLearner.GetAsync(path)).Problem(HttpStatusCode.Forbidden);
        using var stranger = (await TestOrganization.CreateAsync(fixture.Host)).AsAdmin();
        await (await stranger.GetAsync(path)).Problem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_revoked_certificate_says_so_with_the_reason_and_can_be_reinstated_under_the_same_id()
    {
        using var s = await EarnedAsync("Łukasz Żółkiewski");
        var id = (await RenderedAsync(s))["id"]!.GetValue<string>();

        await (await s.AsCoach.PostAsJsonAsync($"certificates/{id}/revoke", new { reason = "x" })).Problem(HttpStatusCode.Forbidden);
        var missing = await (await s.AsAdmin.PostAsJsonAsync($"certificates/{id}/revoke", new { reason = " " })).Problem(HttpStatusCode.BadRequest);
        Assert.NotNull(missing["errors"]!["reason"]);
        Assert.Equal("valid", (await (await fixture.Anonymous.GetAsync($"verify/{id}")).Json())["status"]!.GetValue<string>());

        (await s.AsAdmin.PostAsJsonAsync($"certificates/{id}/revoke", new { reason = "Issued by mistake: wrong cohort." })).EnsureSuccessStatusCode();
        await (await s.AsAdmin.PostAsJsonAsync($"certificates/{id}/revoke", new { reason = "again" })).Problem(HttpStatusCode.Conflict);

        var verified = await (await fixture.Anonymous.GetAsync($"verify/{id}")).Json();
        Assert.Equal("revoked", verified["status"]!.GetValue<string>());
        Assert.Equal("Issued by mistake: wrong cohort.", verified["reason"]!.GetValue<string>());
        var page = await HtmlAsync($"verify/{id}");
        Assert.Contains("Revoked certificate", page, StringComparison.Ordinal);
        Assert.Contains("Issued by mistake: wrong cohort.", page, StringComparison.Ordinal);
        Assert.Contains("Łukasz Żółkiewski", page, StringComparison.Ordinal);
        var revokedMail = fixture.MailsTo(s.Learner.Email).Single(m => (m.Subject ?? string.Empty).StartsWith("Certificate revoked", StringComparison.Ordinal));
        Assert.Contains("wrong cohort", revokedMail.TextBody ?? string.Empty, StringComparison.Ordinal);
        var record = await (await s.AsAdmin.GetAsync($"certificates/{id}")).Json();
        Assert.Equal(s.Org.Admin.DisplayName, record["revokedBy"]!.GetValue<string>());

        (await s.AsAdmin.PostAsync($"certificates/{id}/reinstate", null)).EnsureSuccessStatusCode();
        Assert.Equal("valid", (await (await fixture.Anonymous.GetAsync($"verify/{id}")).Json())["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_revocation_stands_and_earning_again_afterwards_issues_a_new_certificate()
    {
        using var s = await EarnedAsync("Renée Recertify");
        var first = await RenderedAsync(s);
        var id = first["id"]!.GetValue<string>();
        await (await s.AsLearner.PostAsync($"enrollments/{s.EnrollmentId}/recertify", null)).Problem(HttpStatusCode.Conflict);
        (await s.AsAdmin.PostAsJsonAsync($"certificates/{id}/revoke", new { reason = "Policy changed; please renew." })).EnsureSuccessStatusCode();

        var renewed = await (await s.AsLearner.PostAsync($"enrollments/{s.EnrollmentId}/recertify", null)).Json();
        Assert.Equal("Started", renewed["status"]!.GetValue<string>());
        Assert.Equal("NotStarted", renewed["criteria"]![0]!["state"]!.GetValue<string>());
        (await s.CompleteAsync("Read the guide")).EnsureSuccessStatusCode();
        await s.WaitForStatusAsync("Earned");

        var newId = (await s.WaitUntilAsync(d => d["certificateId"] is not null, "the new certificate id"))["certificateId"]!.GetValue<string>();
        Assert.NotEqual(id, newId);
        await Eventually.WaitUntilAsync(
            async () =>
            (await s.AsAdmin.GetAsync($"certificates/{newId}")) is { IsSuccessStatusCode: true } r
            && (await r.Json())["downloadUrl"] is not null, "the new certificate");
        Assert.Equal("valid", (await (await fixture.Anonymous.GetAsync($"verify/{newId}")).Json())["status"]!.GetValue<string>());
        var old = await (await fixture.Anonymous.GetAsync($"verify/{id}")).Json();
        Assert.Equal(("revoked", "Policy changed; please renew."), (old["status"]!.GetValue<string>(), old["reason"]!.GetValue<string>()));
        Assert.Equal(2, await fixture.IssuedCertificatesOfAsync(s.EnrollmentId!));
    }

    [Fact]
    public async Task A_render_request_triggered_again_gives_the_same_file_and_no_second_certificate_or_mail()
    {
        using var s = await EarnedAsync("Zoë Retry");
        var first = await RenderedAsync(s);
        var id = first["id"]!.GetValue<string>();
        var request = Container(ContainerNames.CertificateRequests).GetBlobClient($"{id}.json");
        var content = (await request.DownloadContentAsync()).Value.Content;

        await request.UploadAsync(content, overwrite: true);
        var rewritten = (await request.UploadAsync(content, overwrite: true)).Value.ETag.ToString().Trim('"');
        await Eventually.WaitUntilAsync(async () => await ReceiptOfAsync($"{id}.json") == rewritten, "the blob trigger to run on the rewritten request");

        var again = await (await s.AsAdmin.GetAsync($"certificates/{id}")).Json();
        Assert.Equal(first["pdfSha256"]!.GetValue<string>(), again["pdfSha256"]!.GetValue<string>());
        Assert.Equal(1, await fixture.IssuedCertificatesOfAsync(s.EnrollmentId!));
        Assert.Single(fixture.MailsTo(s.Learner.Email), m => (m.Subject ?? string.Empty).StartsWith("You earned", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_corrupt_render_request_goes_to_the_poison_container_and_makes_no_certificate()
    {
        var name = $"cer_{Guid.NewGuid():N}.json";
        await Container(ContainerNames.CertificateRequests).UploadBlobAsync(name, BinaryData.FromString("{ \"certificate\": { \"id\": "));

        var poisoned = Container(ContainerNames.CertificateRequestsPoison).GetBlobClient(name);
        await Eventually.WaitUntilAsync(async () => (await poisoned.ExistsAsync()).Value, "the poison container");
        Assert.False((await Container(ContainerNames.CertificateRequests).GetBlobClient(name).ExistsAsync()).Value);
        var records = new Azure.Data.Tables.TableClient(fixture.StorageConnectionString, TableNames.Certificates);
        Assert.False(
            (await records.GetEntityIfExistsAsync<Azure.Data.Tables.TableEntity>(
            name.Replace(".json", string.Empty, StringComparison.Ordinal), "certificate")).HasValue);
    }

    [Fact]
    public async Task Unknown_and_malformed_ids_get_the_same_404()
    {
        var unknown = await (await fixture.Anonymous.GetAsync("verify/cer_00000000000000000000000000")).Problem(HttpStatusCode.NotFound);
        var malformed = await (await fixture.Anonymous.GetAsync("verify/not-an-id")).Problem(HttpStatusCode.NotFound);

        Assert.Equal(unknown.ToJsonString(), malformed.ToJsonString());
        Assert.Contains("Certificate not found", await HtmlAsync("verify/not-an-id", HttpStatusCode.NotFound), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verification_is_rate_limited_per_address()
    {
        var address = $"203.0.113.{Random.Shared.Next(1, 250)}";
        HttpResponseMessage last = null!;
        for (var i = 0; i <= 60; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "verify/cer_00000000000000000000000000");
            request.Headers.Add("X-Forwarded-For", address);
            last = await fixture.Anonymous.SendAsync(request);
            Assert.True(i == 60 || last.StatusCode == HttpStatusCode.NotFound, $"request {i}: {last.StatusCode}");
        }

        await last.Problem(HttpStatusCode.TooManyRequests);
        Assert.Equal("60", last.Headers.GetValues("Retry-After").Single());
    }

    [Fact]
    public async Task A_client_that_varies_x_forwarded_for_is_limited_where_no_front_end_vouches_for_it()
    {
        await using var direct = await fixture.StartHostAsync(new Dictionary<string, string?> { ["TrustForwardedFor"] = "false" });
        using var client = new HttpClient { BaseAddress = new Uri(direct.BaseUrl + "/api/") };
        HttpResponseMessage last = null!;
        for (var i = 0; i <= VerificationRateLimit.PermitsPerMinute; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "verify/cer_00000000000000000000000000");
            request.Headers.Add("X-Forwarded-For", $"198.51.100.{i % 250}");
            last = await client.SendAsync(request);
        }

        await last.Problem(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task Verification_counts_one_client_whatever_port_or_earlier_hops_it_sends()
    {
        var address = $"198.18.{Random.Shared.Next(0, 255)}.{Random.Shared.Next(1, 255)}";
        HttpResponseMessage last = null!;
        for (var i = 0; i <= VerificationRateLimit.PermitsPerMinute; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "verify/cer_00000000000000000000000000");
            request.Headers.Add("X-Forwarded-For", $"10.0.{i}.1, {address}:{40000 + i}");
            last = await fixture.Anonymous.SendAsync(request);
        }

        await last.Problem(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task A_design_whose_body_cannot_fit_one_page_is_refused_and_the_preview_uses_sample_data()
    {
        using var s = await WorkflowScenario.CreateAsync(fixture.Host, requireApproval: false, OneContentCriterion);
        var tooLong = "This certifies that {{learner}} has earned {{certification}}." + string.Concat(Enumerable.Repeat("\nwith distinction", 40));

        var refused = await (await s.AsAdmin.PutAsJsonAsync($"certifications/{s.CertificationId}/certificate-design", Design(tooLong))).Problem(
            HttpStatusCode.BadRequest);
        Assert.Contains("one page", refused["errors"]!["body"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        (await s.AsAdmin.PutAsJsonAsync(
            $"certifications/{s.CertificationId}/certificate-design", Design("Awarded to {{learner}} for {{certification}} on {{date}}.")))
            .EnsureSuccessStatusCode();

        var preview = await s.AsAdmin.GetAsync($"certifications/{s.CertificationId}/certificate-design/preview");
        Assert.Equal("application/pdf", preview.Content.Headers.ContentType?.MediaType);
        var text = PdfReading.Text(await preview.Content.ReadAsByteArrayAsync());
        Assert.Contains("Zoë Ångström-Núñez", text, StringComparison.Ordinal);
        Assert.Contains("Awarded to", text, StringComparison.Ordinal);
        await (await s.AsLearner.GetAsync($"certifications/{s.CertificationId}/certificate-design/preview")).Problem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_draft_design_previews_as_sent_without_being_saved_and_is_refused_at_its_field_as_saving_would_be()
    {
        using var s = await WorkflowScenario.CreateAsync(fixture.Host, requireApproval: false, OneContentCriterion, "Zoë Ångström-Núñez");
        var path = $"certifications/{s.CertificationId}/certificate-design/preview";

        var preview = await s.AsAdmin.PostAsJsonAsync(path, Design("Verliehen an {{learner}} — 授予 {{certification}}."));

        Assert.Equal("application/pdf", preview.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Verliehen an Zoë Ångström-Núñez", PdfReading.Text(await preview.Content.ReadAsByteArrayAsync()), StringComparison.Ordinal);
        var saved = await (await s.AsAdmin.GetAsync($"certifications/{s.CertificationId}")).Json();
        Assert.DoesNotContain("Verliehen", saved["certificateDesign"]!["body"]!.GetValue<string>(), StringComparison.Ordinal);

        var unknown = await (await s.AsAdmin.PostAsJsonAsync(path, Design("For {{learnr}}."))).Problem(HttpStatusCode.BadRequest);
        Assert.Contains("{{learnr}}", unknown["errors"]!["body"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        var tall = Design(string.Concat(Enumerable.Repeat("Zeile\n", 150)));
        var tooTall = await (await s.AsAdmin.PostAsJsonAsync(path, tall)).Problem(HttpStatusCode.BadRequest);
        Assert.NotNull(tooTall["errors"]!["body"]);
        await (await s.AsLearner.PostAsJsonAsync(path, Design("For {{learner}}."))).Problem(HttpStatusCode.Forbidden);
    }

    private static object Design(string body) => new
    {
        heading = "Certificate of Achievement",
        body,
        primaryColor = "#1F3A5F",
        accentColor = "#C9A227",
        signatoryName = "Dana Whitfield",
        signatoryTitle = "Head of Learning",
        orientation = "landscape",
    };

    private async Task<WorkflowScenario> EarnedAsync(string learnerName)
    {
        var s = await WorkflowScenario.CreateAsync(fixture.Host, requireApproval: false, OneContentCriterion, learnerName);
        await s.SelfEnrollAsync();
        (await s.CompleteAsync("Read the guide")).EnsureSuccessStatusCode();
        await s.WaitForStatusAsync("Earned");
        return s;
    }

    private static Task<JsonNode> RenderedAsync(WorkflowScenario s) => s.RenderedCertificateAsync();

    private async Task<string> HtmlAsync(string path, HttpStatusCode status = HttpStatusCode.OK)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Accept", "text/html,application/xhtml+xml");
        using var response = await fixture.Anonymous.SendAsync(request);
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The blob ETag the dev host's trigger last ran the renderer on (its receipt).</summary>
    private async Task<string?> ReceiptOfAsync(string blobName)
    {
        var receipts = new Azure.Data.Tables.TableClient(fixture.StorageConnectionString, "DevHostBlobReceipts");
        var receipt = await receipts.GetEntityIfExistsAsync<Azure.Data.Tables.TableEntity>("RenderCertificate", Uri.EscapeDataString(blobName));
        return receipt.HasValue ? receipt.Value!.GetString("BlobETag") : null;
    }

    private BlobContainerClient Container(string name) => new(fixture.StorageConnectionString, name);

    [System.Text.RegularExpressions.GeneratedRegex("<meta property=\"og:image\" content=\"([^\"]+)\">")]
    private static partial System.Text.RegularExpressions.Regex OgImage();
}
