using System.Globalization;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Certifications.Web.Tests.Fixtures;
using Microsoft.Playwright;

namespace Certifications.Web.Tests.Journeys;

/// <summary>Ada's other pages: people and their import, certificates, reports, the add-on switch and the LMS connection.</summary>
[Collection(WebAppCollection.Name)]
public sealed class AdminJourneyTests(WebAppFixture fixture)
{
    [Fact]
    public Task Ada_imports_a_file_with_one_bad_row_the_good_rows_land_and_line_3_is_named_then_edits_and_disables_one() =>
        fixture.JourneyAsync(async () =>
    {
        var csv = Path.Combine(Path.GetTempPath(), $"Mitarbeitende-社员-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(csv, string.Join("\r\n",
            "email,displayName,roles,groups,coach",
            "jose.nunez@northwind.example,José Núñez,Learner,Sales,carla.coach@northwind.example",
            "not-an-address,Broken Row,Learner,,",
            "mei.chen@northwind.example,陈美,Learner;Coach,Support,") + "\r\n");

        var ada = await fixture.NewPageAsync();
        await ada.SignInAsync("Ada Admin", "/admin/people");
        await ada.CheckPageAsync(fixture, "admin-people");
        await ada.GetByRole(AriaRole.Link, new() { Name = "Import from CSV" }).ClickAsync();
        var template = await ada.RunAndWaitForDownloadAsync(() => ada.GetByRole(AriaRole.Button, new() { Name = "Download the template" }).ClickAsync());
        Assert.StartsWith("email,displayName,roles", await File.ReadAllTextAsync(await template.PathAsync()), StringComparison.Ordinal);

        await ada.GetByLabel("CSV file").SetInputFilesAsync(csv);
        await ada.GetByRole(AriaRole.Button, new() { Name = "Import", Exact = true }).ClickAsync();
        var summary = ada.GetByRole(AriaRole.Status).Filter(new() { HasText = "not imported" });
        await Assertions.Expect(summary).ToContainTextAsync("2 created, 0 updated, 1 not imported");
        var lines = ada.GetByRole(AriaRole.Table, new() { Name = "Result per line" });
        var line3 = lines.GetByRole(AriaRole.Row).Filter(new() { Has = ada.GetByRole(AriaRole.Rowheader, new() { Name = "Line 3" }) });
        await Assertions.Expect(line3).ToContainTextAsync("Not imported");
        await Assertions.Expect(line3).ToContainTextAsync("email");
        await Assertions.Expect(lines.GetByRole(AriaRole.Row).Filter(new() { HasText = "mei.chen@northwind.example" })).ToContainTextAsync("Created");
        await ada.CheckPageAsync(fixture, "admin-import");

        await ada.GetByRole(AriaRole.Link, new() { Name = "← People" }).ClickAsync();
        await ada.GetByLabel("Name or e-mail").FillAsync("jose nunez");
        await ada.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        var people = ada.GetByRole(AriaRole.Table, new() { Name = "People" });
        await Assertions.Expect(people.GetByRole(AriaRole.Row)).ToHaveCountAsync(2);
        await people.GetByRole(AriaRole.Button, new() { Name = "Edit José Núñez" }).ClickAsync();
        var edit = ada.GetByRole(AriaRole.Form, new() { Name = "Edit José Núñez" });
        await edit.GetByRole(AriaRole.Combobox, new() { Name = "Coach" }).SelectOptionAsync(new SelectOptionValue { Label = "Carla Coach" });
        await edit.GetByRole(AriaRole.Checkbox, new() { Name = "Coach" }).CheckAsync();
        await edit.GetByRole(AriaRole.Button, new() { Name = "Save user" }).ClickAsync();
        await Assertions.Expect(ada.GetByRole(AriaRole.Status).Filter(new() { HasText = "José Núñez is saved." })).ToBeVisibleAsync();
        await Assertions.Expect(people.GetByRole(AriaRole.Row).Filter(new() { HasText = "José Núñez" })).ToContainTextAsync("Learner, Coach");
        await people.GetByRole(AriaRole.Button, new() { Name = "Disable José Núñez" }).ClickAsync();
        // Nothing happens before Ada confirms.
        var confirm = ada.GetByRole(AriaRole.Alertdialog, new() { Name = "Disable José Núñez?" });
        await Assertions.Expect(confirm).ToContainTextAsync("can no longer sign in");
        await Assertions.Expect(people.GetByRole(AriaRole.Row).Filter(new() { HasText = "José Núñez" })).Not.ToContainTextAsync("Disabled");
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Disable", Exact = true }).ClickAsync();
        await Assertions.Expect(people.GetByRole(AriaRole.Row).Filter(new() { HasText = "José Núñez" })).ToContainTextAsync("Disabled");
        await people.GetByRole(AriaRole.Button, new() { Name = "Enable José Núñez" }).ClickAsync();
        await Assertions.Expect(people.GetByRole(AriaRole.Row).Filter(new() { HasText = "José Núñez" })).ToContainTextAsync("Invited");
        await ada.CheckPageAsync(fixture, "admin-people-edited");
    });

    [Fact]
    public Task Ada_invites_Ingrid_who_follows_the_link_in_her_email_signs_in_and_accepts_and_is_then_herself() =>
        fixture.JourneyAsync(async () =>
    {
        var email = $"ingrid.odegard.{Guid.NewGuid():N}@northwind.example";
        var ada = await fixture.NewPageAsync();
        await ada.SignInAsync("Ada Admin", "/admin/people");
        await ada.GetByRole(AriaRole.Button, new() { Name = "New user" }).ClickAsync();
        var form = ada.GetByRole(AriaRole.Form, new() { Name = "New user" });
        await form.GetByLabel("Name").FillAsync("Ingrid Ødegård");
        await form.GetByLabel("E-mail").FillAsync("not an address");
        await form.GetByRole(AriaRole.Button, new() { Name = "Create user" }).ClickAsync();
        await Assertions.Expect(form.GetByText("is not an e-mail address", new() { Exact = false })).ToBeVisibleAsync();
        await form.GetByLabel("E-mail").FillAsync(email);
        await form.GetByRole(AriaRole.Button, new() { Name = "Create user" }).ClickAsync();
        await Assertions.Expect(ada.GetByRole(AriaRole.Status).Filter(new() { HasText = "Ingrid Ødegård is saved." })).ToBeVisibleAsync();

        var link = await InvitationLinkAsync(email);
        var ingrid = await fixture.NewPageAsync();
        await ingrid.GotoAsync(link);
        await ingrid.GetByRole(AriaRole.Button, new() { Name = "Sign in as someone new at Northwind Traders" }).ClickAsync();
        await ingrid.GetByRole(AriaRole.Button, new() { Name = "Accept the invitation" }).ClickAsync();
        await Assertions.Expect(ingrid.GetByRole(AriaRole.Status)).ToContainTextAsync("Welcome, Ingrid Ødegård.");
        await ingrid.CheckPageAsync(fixture, "invitation-accepted");
        await ingrid.GetByRole(AriaRole.Link, new() { Name = "Go to my certifications" }).ClickAsync();
        await Assertions.Expect(ingrid.GetByText("Ingrid Ødegård · Northwind Traders")).ToBeVisibleAsync();

        // The link is used up: opening it again says so instead of binding a second account.
        await ingrid.GotoAsync(link);
        await ingrid.GetByRole(AriaRole.Button, new() { Name = "Accept the invitation" }).ClickAsync();
        await Assertions.Expect(ingrid.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
    });

    private async Task<string> InvitationLinkAsync(string email)
    {
        for (var attempt = 0; attempt < 40; attempt++)
        {
            foreach (var file in Directory.Exists(fixture.Outbox) ? Directory.GetFiles(fixture.Outbox, "*.eml") : [])
            {
                var message = await MimeKit.MimeMessage.LoadAsync(file);
                if (message.To.Mailboxes.Any(m => m.Address == email)
                    && Regex.Match(message.TextBody ?? string.Empty, @"https?://\S+/invitations/\S+") is { Success: true } found)
                {
                    return found.Value;
                }
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"No invitation to {email} in the outbox.");
    }

    [Fact]
    public Task Ada_finds_Sofias_certificate_by_her_name_revokes_it_with_a_reason_that_its_verification_shows_and_reinstates_it() =>
        fixture.JourneyAsync(async () =>
    {
        var certificateId = await EarnedCertificateAsync("Sofia Support", "Brandschutz — 消防安全");

        var ada = await fixture.NewPageAsync();
        await ada.SignInAsync("Ada Admin", "/admin/certificates");
        await ada.GetByLabel(new Regex("^Certificate id, or the learner")).FillAsync("sofia");
        await ada.GetByRole(AriaRole.Button, new() { Name = "Find" }).ClickAsync();
        await ada.GetByRole(AriaRole.Button, new() { Name = "Certificates of Sofia Support" }).ClickAsync();
        var card = ada.GetByRole(AriaRole.List, new() { Name = "Certificates found" }).GetByRole(AriaRole.Listitem)
            .Filter(new() { HasText = certificateId });
        await Assertions.Expect(card).ToContainTextAsync("Valid");
        await card.GetByRole(AriaRole.Button, new() { Name = "Revoke…" }).ClickAsync();
        var revoke = card.GetByRole(AriaRole.Form, new() { Name = "Revoke the certificate of Sofia Support" });
        await revoke.GetByRole(AriaRole.Button, new() { Name = "Revoke", Exact = true }).ClickAsync();
        await Assertions.Expect(revoke.GetByText(new Regex("^The reason"))).ToBeVisibleAsync();
        await revoke.GetByLabel("Reason").FillAsync("Ausgestellt vor der Prüfung — 误发");
        await revoke.GetByRole(AriaRole.Button, new() { Name = "Revoke", Exact = true }).ClickAsync();
        await Assertions.Expect(card).ToContainTextAsync("Revoked");
        await Assertions.Expect(card).ToContainTextAsync("Ausgestellt vor der Prüfung — 误发");
        await ada.CheckPageAsync(fixture, "admin-certificates-revoked");

        using (var anyone = new HttpClient { BaseAddress = new Uri(fixture.Host.BaseUrl + "/api/") })
        {
            var verified = JsonNode.Parse(await anyone.GetStringAsync($"verify/{certificateId}?format=json"))!;
            Assert.Equal("revoked", verified["status"]!.GetValue<string>());
        }

        await card.GetByRole(AriaRole.Button, new() { Name = "Reinstate" }).ClickAsync();
        await Assertions.Expect(card).ToContainTextAsync("Valid");

        // Found by its id as well.
        await ada.GetByLabel(new Regex("^Certificate id, or the learner")).FillAsync(certificateId);
        await ada.GetByRole(AriaRole.Button, new() { Name = "Find" }).ClickAsync();
        await Assertions.Expect(ada.GetByRole(AriaRole.List, new() { Name = "Certificates found" }).GetByRole(AriaRole.Listitem)).ToHaveCountAsync(1);
    });

    [Fact]
    public Task Ada_runs_the_reports_follows_the_run_to_the_end_and_reads_the_program_report_per_certification() =>
        fixture.JourneyAsync(async () =>
    {
        await EarnedCertificateAsync("Zoë Ångström-Núñez", "Erste Hilfe — 急救");
        var ada = await fixture.NewPageAsync();
        await ada.SignInAsync("Ada Admin", "/admin/reports");
        await ada.GetByRole(AriaRole.Button, new() { Name = "Run the reports now" }).ClickAsync();
        await Assertions.Expect(ada.GetByText(new Regex("^Done: \\d+ reports written"))).ToBeVisibleAsync(new() { Timeout = 60_000 });

        var report = ada.GetByRole(AriaRole.Region, new() { Name = "Program report" });
        var card = report.GetByRole(AriaRole.Listitem).Filter(new() { Has = ada.GetByRole(AriaRole.Heading, new() { Name = "Erste Hilfe — 急救" }) });
        await Assertions.Expect(card.GetByRole(AriaRole.Img, new() { NameRegex = new Regex("^Erste Hilfe — 急救: .*Earned 1") })).ToBeVisibleAsync();
        await Assertions.Expect(card).ToContainTextAsync("1 earned this month");
        await card.GetByText("Earned: 1").ClickAsync();
        await Assertions.Expect(card.GetByText("Celebrate it where the team can see it.")).ToBeVisibleAsync();
        var csv = await ada.RunAndWaitForDownloadAsync(
            () => card.GetByRole(AriaRole.Button, new() { Name = "Download the criteria progress of Erste Hilfe — 急救" }).ClickAsync());
        Assert.Contains("Zoë Ångström-Núñez", await File.ReadAllTextAsync(await csv.PathAsync()), StringComparison.Ordinal);
        await ada.CheckPageAsync(fixture, "admin-reports");

        await ada.GetByRole(AriaRole.Link, new() { Name = "Stored reports" }).ClickAsync();
        await Assertions.Expect(ada.GetByRole(AriaRole.Link, new() { Name = "program-report.csv" }).First).ToBeVisibleAsync();
        await ada.CheckPageAsync(fixture, "admin-stored-reports");

        // The catalog shows the counts the run made.
        await ada.GetByRole(AriaRole.Link, new() { Name = "Catalog" }).ClickAsync();
        var listed = ada.GetByRole(AriaRole.List, new() { Name = "Certifications" }).GetByRole(AriaRole.Listitem)
            .Filter(new() { HasText = "Erste Hilfe — 急救" });
        await Assertions.Expect(listed).ToContainTextAsync("1 learner, 0 overdue, 1 earned");
    });

    [Fact]
    public Task Ada_switches_the_add_on_off_Lena_sees_the_add_on_page_and_Ada_switches_it_on_again_from_settings() =>
        fixture.JourneyAsync(async () =>
    {
        var ada = await fixture.NewPageAsync();
        await ada.SignInAsync("Ada Admin", "/admin/settings");
        await ada.CheckPageAsync(fixture, "admin-settings");
        try
        {
            await ada.GetByRole(AriaRole.Button, new() { Name = "Switch off…" }).ClickAsync();
            var confirm = ada.GetByRole(AriaRole.Alertdialog, new() { Name = "Switch Certifications off for everyone in Northwind Traders?" });
            await Assertions.Expect(confirm).ToContainTextAsync("Nothing is deleted");
            await confirm.GetByRole(AriaRole.Button, new() { Name = "Switch off", Exact = true }).ClickAsync();
            await Assertions.Expect(ada.GetByText("The add-on is off.")).ToBeVisibleAsync();

            var lena = await fixture.NewPageAsync();
            await lena.SignInAsync("Lena Learner");
            var off = lena.GetByRole(AriaRole.Heading, new() { Name = "Certifications is switched off for your organization" });
            await Assertions.Expect(off).ToBeVisibleAsync();

            await ada.GotoAsync("/admin/catalog");
            await ada.GetByRole(AriaRole.Link, new() { Name = "Switch it on in the organization settings" }).ClickAsync();
            await ada.GetByRole(AriaRole.Button, new() { Name = "Switch on" }).ClickAsync();
            await Assertions.Expect(ada.GetByText("The add-on is on.")).ToBeVisibleAsync();
            await lena.ReloadAsync();
            await Assertions.Expect(lena.GetByRole(AriaRole.Heading, new() { Name = "My certifications", Level = 1 })).ToBeVisibleAsync();
        }
        finally
        {
            using var api = fixture.ApiAs("Ada Admin");
            (await api.PutAsJsonAsync("org/settings", new { addOns = new { certifications = true } })).EnsureSuccessStatusCode();
        }
    });

    [Fact]
    public Task Ada_sees_a_certificate_that_could_not_be_drawn_fixes_the_design_and_renders_it_again() => fixture.JourneyAsync(async () =>
    {
        using var ada = fixture.ApiAs("Ada Admin");
        using var lena = fixture.ApiAs("Lena Learner");
        var title = "Broken Seal " + Guid.NewGuid().ToString("N")[..6];
        var created = await (await ada.PostAsJsonAsync("certifications", new
        {
            title,
            requireApproval = false,
            criteria = new[] { new { kind = "content", title = "Read the guide" } },
        })).Content.ReadFromJsonAsync<JsonObject>();
        var certificationId = created!["id"]!.GetValue<string>();
        var criterionId = created["criteria"]![0]!["id"]!.GetValue<string>();
        (await ada.PostAsync($"certifications/{certificationId}/publish", null)).EnsureSuccessStatusCode();
        await fixture.BreakDesignAsync(certificationId);
        var lenaId = fixture.DemoUsers.Single(u => u.DisplayName == "Lena Learner").Id;
        (await ada.PostAsJsonAsync($"certifications/{certificationId}/assignments", new { learnerIds = new[] { lenaId } })).EnsureSuccessStatusCode();
        var enrollmentId = Domain.Enrollments.EnrollmentIds.For(certificationId, lenaId);
        (await lena.PostAsync($"enrollments/{enrollmentId}/criteria/{criterionId}/complete", null)).EnsureSuccessStatusCode();

        var page = await fixture.NewPageAsync();
        await page.SignInAsync("Ada Admin", "/admin/certificates");
        var table = page.GetByRole(AriaRole.Table, new() { Name = "Certificates that need attention" });
        var row = table.GetByRole(AriaRole.Row).Filter(new() { HasText = title });
        await page.ReloadAsync();
        await Assertions.Expect(row).ToContainTextAsync("Could not be drawn", new() { Timeout = 30_000 });
        await page.CheckPageAsync(fixture, "admin-certificates-attention");

        (await ada.PutAsJsonAsync($"certifications/{certificationId}/certificate-design", new
        {
            heading = "Certificate of Achievement",
            body = "This certifies that {{learner}} has earned {{certification}} on {{date}}.",
            primaryColor = "#1F3A5F",
            accentColor = "#C9A227",
        })).EnsureSuccessStatusCode();
        await row.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Render again") }).ClickAsync();

        await Assertions.Expect(row).ToHaveCountAsync(0, new() { Timeout = 30_000 });
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        bool rendered;
        do
        {
            await Task.Delay(200);
            rendered = (await (await lena.GetAsync("me/certificates")).Content.ReadFromJsonAsync<JsonObject>())!["items"]!.AsArray()
                .Any(c => c!["certification"]!.GetValue<string>() == title && c["downloadUrl"] is not null);
        }
        while (!rendered && DateTimeOffset.UtcNow < deadline);
        Assert.True(rendered, "Lena's certificate was not rendered after Render again");
    });

    [Fact]
    public Task Ada_sees_until_when_the_replaced_secret_works_and_revokes_it_at_once() => fixture.JourneyAsync(async () =>
    {
        using (var api = fixture.ApiAs("Ada Admin"))
        {
            foreach (var seed in new[] { 1, 2 })
            {
                var secret = "whsec_" + Convert.ToBase64String(Enumerable.Range(seed, 32).Select(i => (byte)i).ToArray());
                (await api.PutAsJsonAsync("org/settings", new { webhookSecret = secret })).EnsureSuccessStatusCode();
            }
        }

        var ada = await fixture.NewPageAsync();
        await ada.SignInAsync("Ada Admin", "/admin/settings");
        await Assertions.Expect(ada.GetByText(new Regex("^The previous secret keeps working until "))).ToBeVisibleAsync();
        await ada.GetByRole(AriaRole.Button, new() { Name = "Revoke the previous secret now…" }).ClickAsync();
        var confirm = ada.GetByRole(AriaRole.Alertdialog, new() { Name = "Revoke the previous secret now?" });
        await Assertions.Expect(confirm).ToContainTextAsync("Deliveries signed with it are refused");
        await ada.CheckPageAsync(fixture, "admin-settings-revoke");
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Revoke it" }).ClickAsync();

        await Assertions.Expect(ada.GetByText(new Regex("^The previous secret keeps working until "))).ToBeHiddenAsync();
        await Assertions.Expect(ada.GetByText(new Regex("^A signing secret is set"))).ToBeVisibleAsync();
    });

    [Fact]
    public Task Ada_generates_a_webhook_secret_copies_it_and_sees_the_LMSs_signed_delivery_in_the_list() =>
        fixture.JourneyAsync(async () =>
    {
        var ada = await fixture.NewPageAsync();
        await ada.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        await ada.SignInAsync("Ada Admin", "/admin/settings");
        await ada.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Generate a (new )?secret$") }).ClickAsync();
        var secret = await ada.GetByLabel("New signing secret").InputValueAsync();
        Assert.Matches("^whsec_[A-Za-z0-9+/]{43}=$", secret);
        await ada.GetByRole(AriaRole.Button, new() { Name = "Copy the secret" }).ClickAsync();
        await Assertions.Expect(ada.GetByText("The secret is copied.")).ToBeVisibleAsync();
        Assert.Equal(secret, await ada.EvaluateAsync<string>("() => navigator.clipboard.readText()"));
        var endpoint = await ada.GetByLabel("Endpoint URL").InputValueAsync();
        await ada.CheckPageAsync(fixture, "admin-settings-secret");

        // The LMS signs a completion with the secret it was given.
        var webhookId = $"msg_{Guid.NewGuid():N}";
        var completion = new
        {
            type = "activity.completed",
            learner = new { email = "lena.learner@northwind.example" },
            activityId = "lms-safety-101",
            completedAt = DateTimeOffset.UtcNow,
        };
        var body = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(completion, System.Text.Json.JsonSerializerOptions.Web);
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var hmac = new HMACSHA256(Convert.FromBase64String(secret["whsec_".Length..]));
        var signature = Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes($"{webhookId}.{timestamp}.").Concat(body).ToArray()));
        using var lms = new HttpClient();
        using var delivery = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new ByteArrayContent(body) };
        delivery.Content.Headers.ContentType = new("application/json");
        delivery.Headers.Add("webhook-id", webhookId);
        delivery.Headers.Add("webhook-timestamp", timestamp);
        delivery.Headers.Add("webhook-signature", $"v1,{signature}");
        (await lms.SendAsync(delivery)).EnsureSuccessStatusCode();

        await ada.GetByRole(AriaRole.Link, new() { Name = "Recent deliveries" }).ClickAsync();
        var row = ada.GetByRole(AriaRole.Table, new() { Name = "LMS deliveries" }).GetByRole(AriaRole.Row).Filter(new() { HasText = webhookId });
        await Assertions.Expect(row).ToContainTextAsync("lms-safety-101");
        await ada.CheckPageAsync(fixture, "admin-deliveries");
    });

    /// <summary>A published certification of one content criterion, assigned to the learner, who completes it: a certificate is issued.</summary>
    private async Task<string> EarnedCertificateAsync(string learnerName, string title)
    {
        using var admin = fixture.ApiAs("Ada Admin");
        var learner = fixture.DemoUsers.Single(u => u.DisplayName == learnerName);
        var created = JsonNode.Parse(await (await admin.PostAsJsonAsync(
            "certifications", new { title, criteria = new[] { new { kind = "content", title = "Die Unterweisung lesen" } } })).Content.ReadAsStringAsync())!;
        var id = created["id"]!.GetValue<string>();
        (await admin.PostAsync($"certifications/{id}/publish", null)).EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync($"certifications/{id}/assignments", new { learnerIds = new[] { learner.Id } })).EnsureSuccessStatusCode();

        using var api = fixture.ApiAs(learnerName);
        var assignments = JsonNode.Parse(await api.GetStringAsync("me/assignments"))!["items"]!.AsArray();
        var enrollment = assignments.Single(a => a!["certification"]!["id"]!.GetValue<string>() == id)!["enrollmentId"]!.GetValue<string>();
        (await api.PostAsync($"enrollments/{enrollment}/start", null)).EnsureSuccessStatusCode();
        var criterion = created["criteria"]![0]!["id"]!.GetValue<string>();
        (await api.PostAsync($"enrollments/{enrollment}/criteria/{criterion}/complete", null)).EnsureSuccessStatusCode();

        for (var attempt = 0; attempt < 120; attempt++)
        {
            var detail = JsonNode.Parse(await admin.GetStringAsync($"enrollments/{enrollment}"))!;
            if (detail["certificateId"]?.GetValue<string>() is { } certificateId)
            {
                return certificateId;
            }

            await Task.Delay(500);
        }

        throw new TimeoutException($"No certificate for {learnerName} in {title}.");
    }
}
