using Certifications.Web.Tests.Fixtures;
using Microsoft.Playwright;

namespace Certifications.Web.Tests.Journeys;

/// <summary>Each role lands on its own home, and a page of another role is never drawn for it.</summary>
[Collection(WebAppCollection.Name)]
public sealed class RoleTests(WebAppFixture fixture)
{
    [Fact]
    public Task A_learner_who_types_an_admin_address_sees_no_admin_screen() => fixture.JourneyAsync(async () =>
    {
        var lena = await fixture.NewPageAsync();
        await lena.SignInAsync("Lena Learner");
        await lena.GotoAsync("/admin/people");

        await Assertions.Expect(lena.GetByRole(AriaRole.Heading, new() { Name = "This page is not for your role", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(lena.GetByRole(AriaRole.Table)).ToHaveCountAsync(0);
        await Assertions.Expect(lena.GetByRole(AriaRole.Button, new() { Name = "New user" })).ToHaveCountAsync(0);
        await lena.GetByRole(AriaRole.Link, new() { Name = "Go to my pages" }).ClickAsync();
        await Assertions.Expect(lena.GetByRole(AriaRole.Heading, new() { Name = "My certifications", Level = 1 })).ToBeVisibleAsync();
        await lena.CheckPageAsync(fixture, "learner-forbidden");
    });

    [Fact]
    public Task A_super_admin_lands_on_her_overview_built_from_the_reports() => fixture.JourneyAsync(async () =>
    {
        var ada = await fixture.NewPageAsync();
        await ada.SignInAsync("Ada Admin");

        await Assertions.Expect(ada).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/admin$"));
        await Assertions.Expect(ada.GetByRole(AriaRole.Heading, new() { Name = "Overview", Level = 1 })).ToBeVisibleAsync();
        var nav = ada.GetByRole(AriaRole.Navigation, new() { Name = "Main" });
        await Assertions.Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Overview" })).ToHaveAttributeAsync("aria-current", "page");

        // Until a report run has counted them there are no figures, only the way to count them now.
        var attention = ada.GetByRole(AriaRole.Region, new() { Name = "Needs attention" });
        var run = ada.GetByRole(AriaRole.Button, new() { Name = "Run the reports now" });
        await Assertions.Expect(attention.Or(run)).ToBeVisibleAsync();
        if (await run.IsVisibleAsync())
        {
            await run.ClickAsync();
        }

        await Assertions.Expect(attention.GetByRole(AriaRole.Listitem)).ToHaveCountAsync(4);
        await Assertions.Expect(attention).ToContainTextAsync("in the next 30 days");
        var months = ada.GetByRole(AriaRole.Region, new() { Name = "Certificates issued, last 12 months" }).GetByRole(AriaRole.Listitem);
        await Assertions.Expect(months).ToHaveCountAsync(12);
        var thisMonth = DateTime.UtcNow.ToString("MMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));
        await Assertions.Expect(months.Last).ToHaveAttributeAsync("aria-label", new System.Text.RegularExpressions.Regex($"^{thisMonth}: \\d+$"));
        await Assertions.Expect(ada.GetByRole(AriaRole.Img, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Not started \\d+, ") }))
            .ToBeVisibleAsync();
        await ada.CheckPageAsync(fixture, "admin-home");
    });
}
