using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Certifications.Domain.People;
using Certifications.Functions.Tests.Fixtures;
using Certifications.Storage.Common;
using Certifications.Storage.People;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Certifications.Functions.Tests.Http;

/// <summary>
/// A coach's team is read from the coach's own index range, not from every user of the organization: it follows a
/// learner who changes coach, leaves out one who is disabled, and is whole for users stored before the index existed.
/// </summary>
[Collection(DevHostCollection.Name)]
public sealed class CoachTeamTests(DevHostFixture fixture)
{
    [Fact]
    public async Task A_learner_who_changes_coach_moves_to_the_new_coachs_team()
    {
        var org = await TestOrganization.CreateAsync(fixture.Host);
        var carla = await org.AddUserAsync("Carla Coach", Role.Coach);
        var omar = await org.AddUserAsync("Omar Coach", Role.Coach);
        var zoe = await org.AddUserAsync("Zoë Ångström", coachId: carla.Id);
        using var admin = org.AsAdmin();

        var user = await admin.GetFromJsonAsync<JsonObject>($"users/{zoe.Id}");
        user!["coachId"] = omar.Id;
        (await admin.PutAsJsonAsync($"users/{zoe.Id}", user)).EnsureSuccessStatusCode();

        Assert.Empty(await TeamOfAsync(org, carla));
        Assert.Equal([zoe.Id], await TeamOfAsync(org, omar));
    }

    [Fact]
    public async Task A_team_stored_before_the_index_is_whole_after_the_backfill()
    {
        var org = await TestOrganization.CreateAsync(fixture.Host);
        var carla = await org.AddUserAsync("Carla Coach", Role.Coach);
        var lena = await org.AddUserAsync("Lena Learner", coachId: carla.Id);
        var table = new TableClient(fixture.StorageConnectionString, TableNames.Directory);
        await table.DeleteEntityAsync(org.Id, $"coached|{carla.Id}|{lena.Id}");
        await table.DeleteEntityAsync("~migrations", "coach-index-written");
        Assert.Empty(await TeamOfAsync(org, carla));

        await new DirectoryIndexBackfill(fixture.Host.Services.GetRequiredService<StorageAccount>(), NullLogger<DirectoryIndexBackfill>.Instance)
            .RunAsync(CancellationToken.None);

        Assert.Equal([lena.Id], await TeamOfAsync(org, carla));
    }

    private static async Task<string[]> TeamOfAsync(TestOrganization org, User coach)
    {
        using var client = org.As(coach);
        var team = await client.GetFromJsonAsync<JsonObject>("me/team");
        return [.. team!["items"]!.AsArray().Select(m => m!["id"]!.GetValue<string>())];
    }
}
