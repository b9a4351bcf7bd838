using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Certifications.Web.Tests.Fixtures;
using Microsoft.Playwright;

namespace Certifications.Web.Tests.Journeys;

/// <summary>Ada builds a certification in the browser, designs its certificate, publishes it, assigns it and follows its records.</summary>
[Collection(WebAppCollection.Name)]
public sealed class CatalogJourneyTests(WebAppFixture fixture)
{
    private const string Title = "Kundengespräche führen — 客户对话";

    [Fact]
    public Task Ada_builds_a_certification_of_all_four_kinds_brands_its_certificate_publishes_assigns_it_to_a_group_and_filters_its_records() =>
        fixture.JourneyAsync(async () =>
    {
        var ada = await fixture.NewPageAsync();
        await ada.SignInAsync("Ada Admin", "/admin/catalog");
        await ada.CheckPageAsync(fixture, "admin-catalog");
        await ada.GetByRole(AriaRole.Link, new() { Name = "New certification" }).ClickAsync();

        var form = ada.GetByRole(AriaRole.Form, new() { Name = "Certification" });
        await form.GetByLabel("Title", new() { Exact = true }).First.FillAsync(Title);
        await form.GetByLabel("Description", new() { Exact = true }).First.FillAsync("Gespräche, die Kundinnen gern führen.");
        await form.GetByLabel("Valid for (months)").FillAsync("24");
        await AddCriterionAsync(form, "Content", "Watch the opening video");
        await AddCriterionAsync(form, "Activity (LMS or evidence)", "Pass the LMS quiz");
        var quiz = form.GetByRole(AriaRole.Group, new() { Name = "Criterion 2" });
        await quiz.GetByLabel("LMS activity id").FillAsync("lms-quiz-101");
        await quiz.GetByLabel("Minimum score").FillAsync("80");
        await quiz.GetByLabel(new Regex("^Learners hand in evidence")).UncheckAsync();
        await AddCriterionAsync(form, "Live session", "Live certification call");
        await form.GetByRole(AriaRole.Group, new() { Name = "Criterion 3" }).GetByLabel(new Regex("^Skills")).FillAsync("Begrüßung\nAbschluss");
        await AddCriterionAsync(form, "Review on the spot", "Role-play with a coach");

        // The role-play belongs before the call: moved up with the keyboard, and the focus stays on it.
        await form.GetByRole(AriaRole.Button, new() { Name = "Move up criterion 4" }).FocusAsync();
        await ada.Keyboard.PressAsync("Enter");
        await Assertions.Expect(form.GetByRole(AriaRole.Group, new() { Name = "Criterion 3" }).GetByLabel("Title")).ToHaveValueAsync("Role-play with a coach");
        await Assertions.Expect(form.GetByRole(AriaRole.Button, new() { Name = "Move up criterion 3" })).ToBeFocusedAsync();
        await ada.CheckPageAsync(fixture, "admin-certification-new");

        await form.GetByRole(AriaRole.Button, new() { Name = "Create draft" }).ClickAsync();
        await Assertions.Expect(ada.GetByRole(AriaRole.Heading, new() { Name = Title, Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(ada).ToHaveURLAsync(new Regex("/admin/certifications/[^/]+$"));
        var certificationPath = new Uri(ada.Url).AbsolutePath;

        await DesignAsync(ada);

        await ada.GotoAsync(certificationPath);
        await ada.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        await Assertions.Expect(ada.GetByText("Status: Published")).ToBeVisibleAsync();
        await ada.GetByRole(AriaRole.Button, new() { Name = "Assign…" }).ClickAsync();
        var assign = ada.GetByRole(AriaRole.Region, new() { Name = $"Assign {Title}" });
        await assign.GetByRole(AriaRole.Checkbox, new() { Name = "Sales" }).CheckAsync();
        // Ada is in Berlin; the day she picks is the day everyone reads, in Tokyo and Los Angeles too.
        await assign.GetByLabel("Due date").FillAsync("2027-03-31");
        await assign.GetByLabel("Message").FillAsync("Bis Ende des Quartals, bitte — ありがとう");
        await assign.GetByRole(AriaRole.Button, new() { Name = "Assign", Exact = true }).ClickAsync();
        var results = assign.GetByRole(AriaRole.List, new() { Name = "Result per learner" });
        await Assertions.Expect(results.GetByText("Lena Learner: assigned")).ToBeVisibleAsync();
        await Assertions.Expect(results.GetByText("Liam Learner: assigned")).ToBeVisibleAsync();
        await ada.CheckPageAsync(fixture, "admin-assign");

        await ada.GetByRole(AriaRole.Link, new() { Name = "Learning records" }).ClickAsync();
        var table = ada.GetByRole(AriaRole.Table, new() { Name = "Learning records" });
        await Assertions.Expect(table.GetByRole(AriaRole.Link, new() { Name = "Lena Learner" })).ToBeVisibleAsync();
        await ada.GetByLabel("Source").SelectOptionAsync("Self-enrolled");
        await Assertions.Expect(ada.GetByText("No learning record matches.")).ToBeVisibleAsync();
        await ada.GetByLabel("Source").SelectOptionAsync("Assigned");
        await ada.GetByLabel("Name or e-mail").FillAsync("liam");
        await ada.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Assertions.Expect(table.GetByRole(AriaRole.Row)).ToHaveCountAsync(2);
        await Assertions.Expect(table.GetByRole(AriaRole.Link, new() { Name = "Liam Learner" })).ToBeVisibleAsync();
        await ada.CheckPageAsync(fixture, "admin-learning-records");

        await table.GetByRole(AriaRole.Link, new() { Name = "Liam Learner" }).ClickAsync();
        await Assertions.Expect(ada.GetByRole(AriaRole.Heading, new() { Name = "Workflow" })).ToBeVisibleAsync();
        await ada.CheckPageAsync(fixture, "admin-enrollment");
        await ada.GetByRole(AriaRole.Button, new() { Name = "Withdraw…" }).ClickAsync();
        await ada.GetByRole(AriaRole.Alertdialog).GetByRole(AriaRole.Button, new() { Name = "Withdraw", Exact = true }).ClickAsync();
        await Assertions.Expect(ada.GetByText("Liam Learner is withdrawn.")).ToBeVisibleAsync();

        await ada.GotoAsync(certificationPath + "/records");
        await Assertions.Expect(table.GetByRole(AriaRole.Row).Filter(new() { HasText = "Lena Learner" })).ToContainTextAsync("31 Mar 2027");
        foreach (var zone in new[] { "Asia/Tokyo", "America/Los_Angeles" })
        {
            var lena = await fixture.NewPageAsync(timezone: zone);
            await lena.SignInAsync("Lena Learner");
            var card = lena.GetByRole(AriaRole.Listitem).Filter(new() { HasText = Title });
            await Assertions.Expect(card.GetByText("Bis Ende des Quartals, bitte — ありがとう")).ToBeVisibleAsync();
            await Assertions.Expect(card).ToContainTextAsync("Due 31 Mar 2027");
        }
    });

    [Fact]
    public Task A_save_made_stale_by_someone_else_keeps_what_Ada_typed_shows_theirs_and_an_empty_draft_says_why_it_cannot_be_published() =>
        fixture.JourneyAsync(async () =>
    {
        var ada = await fixture.NewPageAsync();
        await ada.SignInAsync("Ada Admin", "/admin/certifications/new");
        var form = ada.GetByRole(AriaRole.Form, new() { Name = "Certification" });
        await form.GetByLabel("Title", new() { Exact = true }).First.FillAsync("Erste Hilfe");
        await form.GetByRole(AriaRole.Button, new() { Name = "Create draft" }).ClickAsync();
        await Assertions.Expect(ada.GetByRole(AriaRole.Heading, new() { Name = "Erste Hilfe", Level = 1 })).ToBeVisibleAsync();

        await ada.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        await Assertions.Expect(ada.GetByRole(AriaRole.Alert)).ToContainTextAsync("needs at least one criterion");

        // Someone else (the API, as another session of an admin) saves first.
        var id = new Uri(ada.Url).AbsolutePath.Split('/')[^1];
        using (var other = fixture.ApiAs("Ada Admin"))
        {
            var current = JsonNode.Parse(await other.GetStringAsync($"certifications/{id}"))!;
            current["title"] = "Erste Hilfe am Arbeitsplatz";
            (await other.PutAsJsonAsync($"certifications/{id}", current)).EnsureSuccessStatusCode();
        }

        await form.GetByLabel("Title", new() { Exact = true }).First.FillAsync("Erste Hilfe — Grundkurs");
        await form.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        var stale = ada.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Someone else saved" });
        await Assertions.Expect(stale).ToContainTextAsync("Erste Hilfe am Arbeitsplatz");
        await Assertions.Expect(form.GetByLabel("Title", new() { Exact = true }).First).ToHaveValueAsync("Erste Hilfe — Grundkurs");
        await ada.CheckPageAsync(fixture, "admin-certification-stale");

        // Leaving with unsaved edits asks first.
        var asked = new TaskCompletionSource<string>();
        ada.Dialog += (_, dialog) =>
        {
            asked.TrySetResult(dialog.Message);
            _ = dialog.DismissAsync();
        };
        await ada.GetByRole(AriaRole.Link, new() { Name = "← Catalog" }).ClickAsync();
        Assert.Contains("not saved", await asked.Task.WaitAsync(TimeSpan.FromSeconds(10)), StringComparison.Ordinal);
        await Assertions.Expect(ada).ToHaveURLAsync(new Regex($"/admin/certifications/{id}$"));

        await stale.GetByRole(AriaRole.Button, new() { Name = "Save mine over theirs" }).ClickAsync();
        await Assertions.Expect(ada.GetByRole(AriaRole.Heading, new() { Name = "Erste Hilfe — Grundkurs", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(ada.GetByRole(AriaRole.Status).Filter(new() { HasText = "Saved." })).ToBeVisibleAsync();
    });

    private static async Task AddCriterionAsync(ILocator form, string kind, string title)
    {
        await form.GetByLabel("Kind of the new criterion").SelectOptionAsync(new SelectOptionValue { Label = kind });
        await form.GetByRole(AriaRole.Button, new() { Name = "Add criterion" }).ClickAsync();
        await form.GetByRole(AriaRole.Group).Filter(new() { HasText = "Criterion" }).Last.GetByLabel("Title").FillAsync(title);
    }

    private async Task DesignAsync(IPage ada)
    {
        await ada.GetByRole(AriaRole.Link, new() { Name = "Certificate design" }).ClickAsync();
        var design = ada.GetByRole(AriaRole.Form, new() { Name = "Certificate design" });
        await design.GetByLabel("Heading", new() { Exact = true }).FillAsync("Zertifikat — 证书");
        var body = design.GetByLabel("Body", new() { Exact = true });
        await body.FillAsync("Verliehen an {{lerner}} ");
        await Assertions.Expect(design.GetByText("Unknown placeholder: {{lerner}}")).ToBeVisibleAsync();
        await body.FillAsync("Verliehen an ");
        await design.GetByRole(AriaRole.Button, new() { Name = "{{learner}}" }).ClickAsync();
        await body.PressSequentiallyAsync(" für ");
        await design.GetByRole(AriaRole.Button, new() { Name = "{{certification}}" }).ClickAsync();
        await Assertions.Expect(body).ToHaveValueAsync("Verliehen an {{learner}} für {{certification}}");
        await Assertions.Expect(design.GetByText(new Regex("^Unknown placeholder"))).ToHaveCountAsync(0);
        await design.GetByLabel("Main colour").FillAsync("#7a1f5c");
        await design.GetByLabel("Signatory name").FillAsync("Dr. Jürgen Weiß");
        await design.GetByLabel("Signatory title").FillAsync("Leitung Lernen");
        await design.GetByLabel("Portrait").CheckAsync();
        var logo = new FilePayload { Name = "logo-Übung.png", MimeType = "image/png", Buffer = Certifications.DevHost.Demo.DemoLogo.Png() };
        await design.GetByLabel("Logo").SetInputFilesAsync(logo);
        await Assertions.Expect(design.GetByRole(AriaRole.Img, new() { Name = "The new logo" })).ToBeVisibleAsync();
        var font = Path.Combine(
            Certifications.DevHost.RepositoryRoot.Find(), "functions", "Certifications.Functions", "Certificates", "Rendering", "Fonts", "DejaVuSans.ttf");
        await design.GetByLabel("Heading font").SetInputFilesAsync(
            new FilePayload { Name = "Marke-Überschrift.ttf", MimeType = "font/ttf", Buffer = await File.ReadAllBytesAsync(font) });

        var preview = ada.GetByRole(AriaRole.Region, new() { Name = "Preview" });
        await Assertions.Expect(preview.GetByText("Preview up to date.")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Assertions.Expect(preview.GetByRole(AriaRole.Img, new() { NameRegex = new Regex("^Picture of the certificate") })).ToBeVisibleAsync();
        await preview.GetByRole(AriaRole.Button, new() { Name = "Show the PDF" }).ClickAsync();
        await Assertions.Expect(preview.GetByRole(AriaRole.Img, new() { NameRegex = new Regex("^Preview of the certificate") })).ToBeVisibleAsync();
        await preview.GetByText("Text of the preview").ClickAsync();
        await Assertions.Expect(preview.GetByText(new Regex("Verliehen an .+ für Kundengespräche"))).ToBeVisibleAsync();
        await Assertions.Expect(preview.GetByText("Dr. Jürgen Weiß")).ToBeVisibleAsync();
        await ada.CheckPageAsync(fixture, "admin-designer");

        await design.GetByRole(AriaRole.Button, new() { Name = "Save design" }).ClickAsync();
        await Assertions.Expect(design.GetByRole(AriaRole.Status)).ToHaveTextAsync("Design saved.");
        await Assertions.Expect(design.GetByText("The current heading font is kept.")).ToBeVisibleAsync();
    }
}
