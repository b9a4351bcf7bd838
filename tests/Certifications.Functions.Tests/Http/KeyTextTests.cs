using System.Net;
using System.Net.Http.Json;
using System.Text;
using Azure.Data.Tables;
using Certifications.Functions.Tests.Fixtures;
using Certifications.Storage.Common;
using Certifications.Storage.People;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Certifications.Functions.Tests.Http;

/// <summary>Text that becomes part of a Table key (e-mails, group names) may hold any character a person may type.</summary>
[Collection(DevHostCollection.Name)]
public sealed class KeyTextTests(DevHostFixture fixture)
{
    [Theory]
    [InlineData("a#b@northwind.example")]
    [InlineData("a/b@northwind.example")]
    [InlineData("what?@northwind.example")]
    [InlineData("\"back\\\\slash\"@northwind.example")]
    [InlineData("zoë.ångström@northwind.example")]
    public async Task A_user_whose_email_holds_a_key_character_is_created_once_and_found(string email)
    {
        var org = await TestOrganization.CreateAsync(fixture.Host);
        using var admin = org.AsAdmin();
        var user = new { email, displayName = "Key Character", roles = new[] { "Learner" } };

        var created = await admin.PostAsJsonAsync("users", user);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        await (await admin.PostAsJsonAsync("users", user)).Problem(HttpStatusCode.Conflict);
        var imported = await (await admin.PostAsync(
            "users/import", new StringContent($"email,displayName,roles\n{Csv(email)},Key Character,Learner\n", Encoding.UTF8, "text/csv"))).Json();
        Assert.Equal((0, 1), (imported["created"]!.GetValue<int>(), imported["updated"]!.GetValue<int>()));
    }

    [Theory]
    [InlineData("East/West")]
    [InlineData("R&D #1?")]
    [InlineData("Back\\Office")]
    [InlineData("مبيعات")]
    public async Task A_group_whose_name_holds_a_key_character_is_created_once(string name)
    {
        var org = await TestOrganization.CreateAsync(fixture.Host);
        using var admin = org.AsAdmin();

        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("groups", new { name })).StatusCode);
        await (await admin.PostAsJsonAsync("groups", new { name = " " + name.ToUpperInvariant() })).Problem(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task An_import_checks_every_row_before_looking_anything_up_and_invites_everyone_it_created()
    {
        var org = await TestOrganization.CreateAsync(fixture.Host);
        using var admin = org.AsAdmin();
        var huge = new string('x', 900 * 1024) + "@northwind.example";
        var run = Guid.NewGuid().ToString("N")[..8];
        var csv = $"email,displayName,roles,coach\nfirst-{run}@northwind.example,First,Learner,\n"
            + $"a#{run}@northwind.example,Hash,Learner,\n{huge},Huge,Learner,\n"
            + $"fourth@northwind.example,Fourth,Learner,{huge}\n";

        var report = await (await admin.PostAsync("users/import", new StringContent(csv, Encoding.UTF8, "text/csv"))).Problem(HttpStatusCode.BadRequest);

        Assert.Equal((2, 2), (report["created"]!.GetValue<int>(), report["failed"]!.GetValue<int>()));
        Assert.Contains("is not an e-mail address", report["errors"]!["line 4"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(report["errors"]!["line 4"]![0]!.GetValue<string>().Length < 200, "the message quotes the whole cell");
        Assert.StartsWith("coach:", report["errors"]!["line 5"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Single(fixture.MailsTo($"first-{run}@northwind.example"));
        Assert.Single(fixture.MailsTo($"a#{run}@northwind.example"));
    }

    [Fact]
    public async Task Index_rows_written_with_raw_keys_are_moved_to_encoded_keys_once()
    {
        var org = await TestOrganization.CreateAsync(fixture.Host);
        var user = await org.AddUserAsync("Legacy Lena");
        var table = new TableClient(fixture.StorageConnectionString, TableNames.Directory);
        var encoded = await table.GetEntityAsync<TableEntity>(org.Id, "mail|" + RowKeys.Encode(user.Email));
        await table.DeleteEntityAsync(org.Id, encoded.Value.RowKey);
        await table.AddEntityAsync(new TableEntity(org.Id, "email|" + user.Email) { ["TargetId"] = user.Id });
        await table.DeleteEntityAsync("~migrations", "directory-keys-encoded");

        await new DirectoryKeyMigration(fixture.Host.Services.GetRequiredService<StorageAccount>(), NullLogger<DirectoryKeyMigration>.Instance)
            .RunAsync(CancellationToken.None);

        Assert.Equal(user.Id, await fixture.Host.Services.GetRequiredService<DirectoryRepository>().FindUserIdByEmailAsync(org.Id, user.Email));
        Assert.False((await table.GetEntityIfExistsAsync<TableEntity>(org.Id, "email|" + user.Email)).HasValue);
        using var admin = org.AsAdmin();
        await (await admin.PostAsJsonAsync("users", new { email = user.Email, displayName = "Twin", roles = new[] { "Learner" } }))
            .Problem(HttpStatusCode.Conflict);
    }

    private static string Csv(string cell) =>
        cell.Contains('"', StringComparison.Ordinal) ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
}
