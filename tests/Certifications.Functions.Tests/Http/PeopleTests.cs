using System.Net;
using System.Net.Http.Json;
using System.Text;
using Azure.Data.Tables;
using Certifications.Domain.People;
using Certifications.Functions.Tests.Fixtures;
using Certifications.Storage.Common;
using Certifications.Storage.People;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Certifications.Functions.Tests.Http;

[Collection(DevHostCollection.Name)]
public sealed class PeopleTests(DevHostFixture fixture)
{
    [Fact]
    public async Task The_import_template_names_the_columns_and_imports_as_it_stands()
    {
        var org = await TestOrganization.CreateAsync(fixture.Host);
        await org.AddGroupAsync("Sales");
        await org.AddGroupAsync("Support");
        var carla = await org.AddUserAsync("Carla Coach", Role.Coach);
        using var admin = org.AsAdmin();
        var template = await admin.GetAsync("users/import/template");
        var text = await template.Content.ReadAsStringAsync();

        Assert.Equal("text/csv", template.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("email,displayName,roles,groups,coach,externalId\r\n", text, StringComparison.Ordinal);
        var filled = text.Replace("carla.coach@example.com", carla.Email, StringComparison.Ordinal);
        var imported = await (await admin.PostAsync("users/import", new StringContent(filled, Encoding.UTF8, "text/csv"))).Json();
        Assert.Equal(1, imported["created"]!.GetValue<int>());
        using var learner = org.As(carla);
        await (await learner.GetAsync("users/import/template")).Problem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Users_are_searched_by_a_part_of_the_name_or_email_ignoring_case_and_accents()
    {
        var org = await TestOrganization.CreateAsync(fixture.Host);
        var zoe = await org.AddUserAsync("Zoë Ångström-Núñez");
        var wang = await org.AddUserAsync("王小明");
        using var admin = org.AsAdmin();

        var byName = await (await admin.GetAsync("users?search=ZOE%20ANG")).Json();
        var byScript = await (await admin.GetAsync($"users?search={Uri.EscapeDataString("小明")}")).Json();

        Assert.Equal([zoe.Id], byName["items"]!.AsArray().Select(u => u!["id"]!.GetValue<string>()));
        Assert.Equal([wang.Id], byScript["items"]!.AsArray().Select(u => u!["id"]!.GetValue<string>()));
        await (await admin.GetAsync("users?search=a%09b")).Problem(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task People_are_listed_by_name_page_after_page_and_a_renamed_person_moves_to_their_new_place()
    {
        var org = await TestOrganization.CreateAsync(fixture.Host);
        var yamada = await org.AddUserAsync("山田 花子");
        await org.AddUserAsync("Zoë Ångström-Núñez");
        await org.AddUserAsync("émile Zola");
        await org.AddUserAsync("Bob");
        await org.AddUserAsync("Ångström, Anders");
        using var admin = org.AsAdmin();

        async Task<string[]> NamesAsync()
        {
            var names = new List<string>();
            string? token = null;
            do
            {
                var page = await (await admin.GetAsync($"users?pageSize=2{(token is null ? string.Empty : $"&continuationToken={token}")}")).Json();
                names.AddRange(page["items"]!.AsArray().Select(u => u!["displayName"]!.GetValue<string>()));
                token = page["continuationToken"]?.GetValue<string>();
            }
            while (token is not null);
            return [.. names.Where(n => n != org.Admin.DisplayName)];
        }

        Assert.Equal(["Ångström, Anders", "Bob", "émile Zola", "Zoë Ångström-Núñez", "山田 花子"], await NamesAsync());

        var current = await admin.GetAsync($"users/{yamada.Id}");
        var body = (await current.Json()).AsObject();
        body["displayName"] = "Aiko Yamada";
        using var rename = new HttpRequestMessage(HttpMethod.Put, $"users/{yamada.Id}") { Content = JsonContent.Create(body) };
        rename.Headers.IfMatch.Add(current.Headers.ETag!);
        Assert.Equal(HttpStatusCode.OK, (await admin.SendAsync(rename)).StatusCode);

        Assert.Equal(["Aiko Yamada", "Ångström, Anders", "Bob", "émile Zola", "Zoë Ångström-Núñez"], await NamesAsync());
    }

    [Fact]
    public async Task People_stored_before_the_name_order_are_listed_after_the_backfill()
    {
        var org = await TestOrganization.CreateAsync(fixture.Host);
        var old = await org.AddUserAsync("Olga Older");
        var table = new TableClient(fixture.StorageConnectionString, TableNames.Directory);
        await foreach (var row in table.QueryAsync<TableEntity>($"PartitionKey eq '{org.Id}' and TargetId eq '{old.Id}'"))
        {
            if (row.RowKey.StartsWith("name|", StringComparison.Ordinal))
            {
                await table.DeleteEntityAsync(row.PartitionKey, row.RowKey);
            }
        }

        await table.DeleteEntityAsync("~migrations", "name-index-written");
        using var admin = org.AsAdmin();
        Assert.DoesNotContain(old.Id, await IdsAsync(admin));

        await new DirectoryIndexBackfill(
            fixture.Host.Services.GetRequiredService<StorageAccount>(),
            NullLogger<DirectoryIndexBackfill>.Instance).RunAsync(CancellationToken.None);

        Assert.Contains(old.Id, await IdsAsync(admin));

        static async Task<string[]> IdsAsync(HttpClient client) =>
            [.. (await (await client.GetAsync("users")).Json())["items"]!.AsArray().Select(u => u!["id"]!.GetValue<string>())];
    }

    [Fact]
    public async Task An_admin_creates_a_user_in_a_group_with_a_coach()
    {
        var org = await TestOrganization.CreateAsync(fixture.Host);
        var sales = await org.AddGroupAsync("Sales");
        var coach = await org.AddUserAsync("Carla Coach", Role.Coach);
        using var admin = org.AsAdmin();

        var response = await admin.PostAsJsonAsync(
            "users", new
            {
                email = "Zoe@Test.example",
                displayName = "Zoë Ångström-Núñez",
                roles = new[] { "Learner" },
                groupIds = new[] { sales },
                coachId = coach.Id
            });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var user = await response.Json();
        Assert.Equal("zoe@test.example", user["email"]!.GetValue<string>());
        Assert.Equal(
            "Zoë Ångström-Núñez", (await (await admin.GetAsync(response.Headers.Location!.ToString()[5..])).Json())["displayName"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_second_user_with_the_same_email_is_409()
    {
        var org = await TestOrganization.CreateAsync(fixture.Host);
        using var admin = org.AsAdmin();
        var body = new { email = "same@test.example", displayName = "Same", roles = new[] { "Learner" } };
        (await admin.PostAsJsonAsync("users", body)).EnsureSuccessStatusCode();

        await (await admin.PostAsJsonAsync("users", body with { displayName = "Again" })).Problem(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_group_of_another_organization_is_unknown_and_nothing_is_created()
    {
        var org = await TestOrganization.CreateAsync(fixture.Host);
        var other = await TestOrganization.CreateAsync(fixture.Host);
        var foreignGroup = await other.AddGroupAsync("Theirs");
        using var admin = org.AsAdmin();

        var problem = await (await admin.PostAsJsonAsync(
            "users", new { email = "x@test.example", displayName = "X", roles = new[] { "Learner" }, groupIds = new[] { foreignGroup } })).Problem(
            HttpStatusCode.BadRequest);

        Assert.NotNull(problem["errors"]!["groupIds"]);
        var users = await (await admin.GetAsync("users")).Json();
        Assert.DoesNotContain("x@test.example", users["items"]!.AsArray().Select(u => u!["email"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_field_of_the_wrong_type_or_unknown_is_named()
    {
        var org = await TestOrganization.CreateAsync(fixture.Host);
        using var admin = org.AsAdmin();

        var wrongType = await (await admin.PostAsync(
            "users", new StringContent("""{"email":"a@test.example","displayName":"A","roles":"Learner"}""", Encoding.UTF8, "application/json")))
            .Problem(HttpStatusCode.BadRequest);
        var unknown = await (await admin.PostAsync(
            "users", new StringContent(
            """{"email":"a@test.example","displayName":"A","roles":["Learner"],"rolez":1}""", Encoding.UTF8, "application/json"))).Problem(
            HttpStatusCode.BadRequest);
        var broken = await (await admin.PostAsync("users", new StringContent("""{"email":""", Encoding.UTF8, "application/json"))).Problem(
            HttpStatusCode.BadRequest);

        Assert.NotNull(wrongType["errors"]!["roles"]);
        Assert.NotNull(unknown["errors"]!["rolez"]);
        Assert.NotNull(broken["detail"]);
    }

    [Fact]
    public async Task Updating_a_user_with_a_stale_etag_is_412()
    {
        var org = await TestOrganization.CreateAsync(fixture.Host);
        var learner = await org.AddUserAsync("Lena Learner");
        using var admin = org.AsAdmin();
        var stale = (await admin.GetAsync($"users/{learner.Id}")).Headers.ETag!.Tag;
        (await admin.PutAsJsonAsync($"users/{learner.Id}", new { email = learner.Email, displayName = "Lena L.", roles = new[] { "Learner" } }))
            .EnsureSuccessStatusCode();

        using var request = new HttpRequestMessage(
            HttpMethod.Put, $"users/{learner.Id}")
        {
            Content = JsonContent.Create(
            new { email = learner.Email, displayName = "Lost update", roles = new[] { "Learner" } })
        };
        request.Headers.TryAddWithoutValidation("If-Match", stale);
        await (await admin.SendAsync(request)).Problem(HttpStatusCode.PreconditionFailed);

        Assert.Equal("Lena L.", (await (await admin.GetAsync($"users/{learner.Id}")).Json())["displayName"]!.GetValue<string>());
    }

    [Fact]
    public async Task Learners_cannot_manage_users()
    {
        var org = await TestOrganization.CreateAsync(fixture.Host);
        using var learner = org.As(await org.AddUserAsync("Lena Learner"));

        await (await learner.PostAsJsonAsync("users", new { email = "x@test.example", displayName = "X", roles = new[] { "SuperAdmin" } })).Problem(
            HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Another_organizations_user_is_404()
    {
        var org = await TestOrganization.CreateAsync(fixture.Host);
        var other = await TestOrganization.CreateAsync(fixture.Host);
        using var admin = org.AsAdmin();

        await (await admin.GetAsync($"users/{other.Admin.Id}")).Problem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_csv_import_lands_good_rows_and_reports_bad_rows_by_line()
    {
        var org = await TestOrganization.CreateAsync(fixture.Host);
        await org.AddGroupAsync("Sales");
        using var admin = org.AsAdmin();
        const string csv = """
            email,displayName,roles,groups,coach
            carla@test.example,Carla Coach,Coach,,
            lena@test.example,Lena Learner,Learner,Sales,carla@test.example
            not-an-email,Broken,Learner,,
            liam@test.example,Liam Learner,Wizard,,
            mia@test.example,Mia Learner,Learner,Marketing,
            """;

        var problem = await (await admin.PostAsync("users/import", new StringContent(csv, Encoding.UTF8, "text/csv"))).Problem(HttpStatusCode.BadRequest);

        Assert.Equal(2, problem["created"]!.GetValue<int>());
        Assert.Equal(3, problem["failed"]!.GetValue<int>());
        Assert.NotNull(problem["errors"]!["line 4"]);
        Assert.NotNull(problem["errors"]!["line 5"]);
        // A row's problem names the file's column, not a field of the API.
        var unknownGroup = problem["rows"]!.AsArray().Single(r => r!["line"]!.GetValue<int>() == 6)!["errors"]![0]!.GetValue<string>();
        Assert.StartsWith("groups: ", unknownGroup, StringComparison.Ordinal);
        Assert.Contains("Marketing", unknownGroup, StringComparison.Ordinal);
        var users = (await (await admin.GetAsync("users")).Json())["items"]!.AsArray();
        var lena = users.Single(u => u!["email"]!.GetValue<string>() == "lena@test.example")!;
        var carla = users.Single(u => u!["email"]!.GetValue<string>() == "carla@test.example")!;
        Assert.Equal(carla["id"]!.GetValue<string>(), lena["coachId"]!.GetValue<string>());
        Assert.Single(lena["groupIds"]!.AsArray());
        Assert.DoesNotContain(users, u => u!["email"]!.GetValue<string>() == "liam@test.example");
    }

    [Fact]
    public async Task Importing_the_same_file_twice_creates_nobody_twice()
    {
        var org = await TestOrganization.CreateAsync(fixture.Host);
        using var admin = org.AsAdmin();
        const string csv = "email,displayName,roles\nanna@test.example,Anna,Learner\nben@test.example,Ben,Learner;Coach\n";

        var first = await (await admin.PostAsync("users/import", new StringContent(csv, Encoding.UTF8, "text/csv"))).Json();
        var second = await (await admin.PostAsync("users/import", new StringContent(csv, Encoding.UTF8, "text/csv"))).Json();

        Assert.Equal(2, first["created"]!.GetValue<int>());
        Assert.Equal(0, second["created"]!.GetValue<int>());
        Assert.Equal(2, second["updated"]!.GetValue<int>());
        Assert.Equal(3, (await (await admin.GetAsync("users")).Json())["items"]!.AsArray().Count);
    }

    [Fact]
    public async Task A_csv_without_the_required_columns_is_400_and_imports_nothing()
    {
        var org = await TestOrganization.CreateAsync(fixture.Host);
        using var admin = org.AsAdmin();

        await (await admin.PostAsync("users/import", new StringContent("name\nAnna\n", Encoding.UTF8, "text/csv"))).Problem(HttpStatusCode.BadRequest);

        Assert.Single((await (await admin.GetAsync("users")).Json())["items"]!.AsArray());
    }

    [Fact]
    public async Task Group_names_are_unique_in_an_organization()
    {
        var org = await TestOrganization.CreateAsync(fixture.Host);
        using var admin = org.AsAdmin();

        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("groups", new { name = "Sales" })).StatusCode);
        await (await admin.PostAsJsonAsync("groups", new { name = "sales " })).Problem(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Users_page_with_a_continuation_token()
    {
        var org = await TestOrganization.CreateAsync(fixture.Host);
        await org.AddUserAsync("A");
        await org.AddUserAsync("B");
        using var admin = org.AsAdmin();

        var first = await (await admin.GetAsync("users?pageSize=2")).Json();
        var token = first["continuationToken"]!.GetValue<string>();
        var second = await (await admin.GetAsync($"users?pageSize=2&continuationToken={token}")).Json();

        Assert.Equal(2, first["items"]!.AsArray().Count);
        Assert.Single(second["items"]!.AsArray());
        await (await admin.GetAsync("users?pageSize=501")).Problem(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_only_super_admin_cannot_demote_themselves_and_the_organization_keeps_one()
    {
        var org = await TestOrganization.CreateAsync(fixture.Host);
        using var admin = org.AsAdmin();

        var problem = await (await PutUserAsync(admin, org.Admin.Id, new { email = org.Admin.Email, displayName = "Ada Admin", roles = new[] { "Learner" } }))
            .Problem(HttpStatusCode.Conflict);

        Assert.Contains("only active super admin", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("SuperAdmin", (await (await admin.GetAsync($"users/{org.Admin.Id}")).Json())["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
    }

    [Fact]
    public async Task A_super_admin_may_step_down_when_another_is_active()
    {
        var org = await TestOrganization.CreateAsync(fixture.Host);
        await org.AddUserAsync("Bea Backup", Role.SuperAdmin);
        using var admin = org.AsAdmin();

        var demoted = await PutUserAsync(admin, org.Admin.Id, new { email = org.Admin.Email, displayName = "Ada Admin", roles = new[] { "Coach" } });

        Assert.Equal(HttpStatusCode.OK, demoted.StatusCode);
    }

    [Fact]
    public async Task Two_super_admins_disabling_each_other_at_once_leave_one_active()
    {
        for (var round = 0; round < 5; round++)
        {
            var org = await TestOrganization.CreateAsync(fixture.Host);
            var bea = await org.AddUserAsync("Bea Backup", Role.SuperAdmin);
            using var ada = org.AsAdmin();
            using var asBea = org.As(bea);

            var answers = await Task.WhenAll(ada.DeleteAsync($"users/{bea.Id}"), asBea.DeleteAsync($"users/{org.Admin.Id}"));

            Assert.Contains(answers, a => !a.IsSuccessStatusCode);
            var admins = await Task.WhenAll(new[] { org.Admin.Id, bea.Id }.Select(async id =>
                await fixture.Host.Services.GetRequiredService<Storage.People.DirectoryRepository>().GetUserAsync(org.Id, id)));
            Assert.Contains(admins, a => a!.Value.IsActiveSuperAdmin);
        }
    }

    private static Task<HttpResponseMessage> PutUserAsync(HttpClient admin, string id, object user)
    {
        var put = new HttpRequestMessage(HttpMethod.Put, $"users/{id}") { Content = JsonContent.Create(user) };
        return admin.SendAsync(put);
    }
}
