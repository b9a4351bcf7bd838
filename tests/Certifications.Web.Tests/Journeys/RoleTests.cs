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
    public Task A_super_admin_lands_on_the_catalog_not_on_a_learners_empty_page() => fixture.JourneyAsync(async () =>
    {
        var ada = await fixture.NewPageAsync();
        await ada.SignInAsync("Ada Admin");

        await Assertions.Expect(ada).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/admin/catalog$"));
        await Assertions.Expect(ada.GetByRole(AriaRole.Heading, new() { Name = "Catalog", Level = 1 })).ToBeVisibleAsync();
    });
}
