using Certifications.Web.Tests.Fixtures;
using Microsoft.Playwright;

namespace Certifications.Web.Tests.Journeys;

/// <summary>A coach follows the team's learning records and assigns a certification with a due date and a message.</summary>
[Collection(WebAppCollection.Name)]
public sealed class TeamJourneyTests(WebAppFixture fixture)
{
    private const string Certification = "Data Protection Basics";

    [Fact]
    public Task Carla_sees_Liams_record_and_assigns_the_certification_to_Lena_who_finds_it_due_with_the_message() =>
        fixture.JourneyAsync(async () =>
    {
        // Liam is already in it, so Carla's team has a record there before she assigns.
        using (var liam = fixture.ApiAs("Liam Learner"))
        {
            var open = System.Text.Json.Nodes.JsonNode.Parse(await liam.GetStringAsync("me/discover"))!["items"]!.AsArray();
            var id = open.Single(c => c!["title"]!.GetValue<string>() == Certification)!["id"]!.GetValue<string>();
            (await liam.PostAsync($"certifications/{id}/enrollments", null)).EnsureSuccessStatusCode();
        }

        var carla = await fixture.NewPageAsync();
        await carla.SignInAsync("Carla Coach", "/coach/team");
        await carla.GetByLabel("Certification", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = Certification });
        var records = carla.GetByRole(AriaRole.List, new() { Name = $"Learning records of {Certification}" });
        await Assertions.Expect(records.GetByRole(AriaRole.Link, new() { Name = "Liam Learner" })).ToBeVisibleAsync();
        await carla.CheckPageAsync(fixture, "coach-team");

        await carla.GetByRole(AriaRole.Button, new() { Name = $"Assign {Certification}" }).ClickAsync();
        var assign = carla.GetByRole(AriaRole.Region, new() { Name = $"Assign {Certification}" });
        await assign.GetByRole(AriaRole.Checkbox, new() { Name = "Lena Learner" }).CheckAsync();
        await assign.GetByLabel("Due date").FillAsync(DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await assign.GetByLabel("Message").FillAsync("Bitte bis Monatsende — 谢谢!");
        await assign.GetByRole(AriaRole.Button, new() { Name = "Assign", Exact = true }).ClickAsync();
        await Assertions.Expect(assign.GetByRole(AriaRole.Status)).ToContainTextAsync("Lena Learner: assigned");
        await Assertions.Expect(records.GetByRole(AriaRole.Link, new() { Name = "Lena Learner" })).ToBeVisibleAsync();
        await carla.CheckPageAsync(fixture, "coach-assign");

        var lena = await fixture.NewPageAsync();
        await lena.SignInAsync("Lena Learner");
        var card = lena.GetByRole(AriaRole.Listitem).Filter(new() { HasText = Certification });
        await Assertions.Expect(card.GetByText("Bitte bis Monatsende — 谢谢!")).ToBeVisibleAsync();
        await Assertions.Expect(card.GetByText("Assigned to you")).ToBeVisibleAsync();
        await Assertions.Expect(card.GetByText(new System.Text.RegularExpressions.Regex("^Due "))).ToBeVisibleAsync();
    });
}
