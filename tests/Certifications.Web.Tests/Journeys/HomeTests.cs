using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Certifications.Web.Tests.Fixtures;
using Microsoft.Playwright;

namespace Certifications.Web.Tests.Journeys;

/// <summary>The learner's home, drawn by React like every page, from a static page shell and one read of the list.</summary>
[Collection(WebAppCollection.Name)]
public sealed class HomeTests(WebAppFixture fixture)
{
    [Fact]
    public Task Liams_home_shows_what_he_is_assigned_with_its_due_date_message_and_progress() => fixture.JourneyAsync(async () =>
    {
        await AssignAsync("Liam Learner", "Gesprächsführung — 对话练习", "Bitte bis Freitag — 请在周五前完成");
        var liam = await fixture.NewPageAsync();
        var listReads = 0;
        liam.Request += (_, request) => listReads += request.Url.Contains("/api/me/assignments", StringComparison.Ordinal) ? 1 : 0;
        await liam.SignInAsync("Liam Learner");

        var list = liam.GetByRole(AriaRole.List, new() { Name = "My certifications" });
        var card = list.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Gesprächsführung — 对话练习" });
        await Assertions.Expect(card.GetByRole(AriaRole.Progressbar, new() { Name = "Progress in Gesprächsführung — 对话练习" }))
            .ToHaveAttributeAsync("aria-valuetext", "0 of 1 criterion met");
        await Assertions.Expect(card).ToContainTextAsync("Bitte bis Freitag — 请在周五前完成");
        await Assertions.Expect(card).ToContainTextAsync("Assigned to you");
        // The due date in the browser's own form of English (British): 24 Dec 2027.
        await Assertions.Expect(card).ToContainTextAsync("Due 24 Dec 2027");
        await Assertions.Expect(liam).ToHaveTitleAsync("My certifications · Certifications");
        await Assertions.Expect(liam.GetByRole(AriaRole.Banner)).ToContainTextAsync("Liam Learner · Northwind Traders");
        await liam.CheckPageAsync(fixture, "learner-home-assigned");
        Assert.Equal(1, listReads);

        // The page React replaced is a static shell: no data in it and no script but the module entry.
        var shell = await (await liam.APIRequest.GetAsync("/")).TextAsync();
        Assert.DoesNotContain("Gesprächsführung", shell, StringComparison.Ordinal);
        Assert.Equal(1, System.Text.RegularExpressions.Regex.Count(shell, "<script"));
        Assert.Contains("<script type=\"module\"", shell, StringComparison.Ordinal);

        // React runs the page: a link goes there without loading the page again.
        await liam.EvaluateAsync("() => { window.samePage = true; }");
        await liam.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Discover" }).ClickAsync();
        await Assertions.Expect(liam.GetByRole(AriaRole.Heading, new() { Name = "Discover certifications", Level = 1 })).ToBeVisibleAsync();
        Assert.True(await liam.EvaluateAsync<bool>("() => window.samePage === true"));
    });

    /// <summary>A published certification of one content criterion, assigned by the admin to the learner with a due date and a message.</summary>
    private async Task AssignAsync(string learner, string title, string message)
    {
        using var admin = fixture.ApiAs("Ada Admin");
        var person = fixture.DemoUsers.Single(u => u.DisplayName == learner);
        var criteria = new[] { new { kind = "content", title = "Den Leitfaden lesen — 阅读指南" } };
        var created = JsonNode.Parse(await (await admin.PostAsJsonAsync("certifications", new { title, criteria })).Content.ReadAsStringAsync())!;
        var id = created["id"]!.GetValue<string>();
        (await admin.PostAsync($"certifications/{id}/publish", null)).EnsureSuccessStatusCode();
        var due = new DateTimeOffset(2027, 12, 24, 9, 0, 0, TimeSpan.Zero);
        var assignment = new { learnerIds = new[] { person.Id }, dueDate = due, message };
        (await admin.PostAsJsonAsync($"certifications/{id}/assignments", assignment)).EnsureSuccessStatusCode();
    }
}
