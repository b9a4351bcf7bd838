using System.Net;
using Certifications.Functions.Http.OpenApi;
using Certifications.Functions.Tests.Fixtures;

namespace Certifications.Functions.Tests.Http;

/// <summary>Every list of the API pages as the contract says: ?pageSize= and an opaque ?continuationToken=.</summary>
[Collection(DevHostCollection.Name)]
public sealed class ListPagingTests(DevHostFixture fixture)
{
    [Fact]
    public void Every_list_of_the_document_takes_a_page_size_and_a_continuation_token()
    {
        var lists = OpenApiDocument.Current["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject().Select(o => (Path: p.Key, Verb: o.Key, Operation: o.Value!)))
            .Where(o => o.Operation["responses"]?["200"]?["content"]?["application/json"]?["schema"]?["$ref"]?.GetValue<string>()
                .Contains("ListResponseOf", StringComparison.Ordinal) == true)
            .ToList();

        Assert.True(lists.Count >= 14, $"only {lists.Count} lists found");
        Assert.All(lists, o =>
        {
            var names = o.Operation["parameters"]?.AsArray().Select(p => p!["name"]!.GetValue<string>()).ToList() ?? [];
            Assert.True(names.Contains("pageSize") && names.Contains("continuationToken"), $"{o.Verb} {o.Path} does not page");
        });
    }

    [Fact]
    public async Task A_list_built_whole_is_read_page_by_page_once_each_and_a_forged_token_is_refused()
    {
        var org = await TestOrganization.CreateAsync(fixture.Host);
        var names = new[] { "Ventes", "מכירות", "営業", "Ünterstützung", "Support / #1?" };
        foreach (var name in names)
        {
            await org.AddGroupAsync(name);
        }

        using var admin = org.AsAdmin();
        var seen = new List<string>();
        var sizes = new List<int>();
        string? token = null;
        do
        {
            var next = token is null ? string.Empty : "&continuationToken=" + Uri.EscapeDataString(token);
            var page = await (await admin.GetAsync($"groups?pageSize=2{next}")).Json();
            sizes.Add(page["items"]!.AsArray().Count);
            seen.AddRange(page["items"]!.AsArray().Select(g => g!["name"]!.GetValue<string>()));
            token = page["continuationToken"]?.GetValue<string>();
        }
        while (token is not null);

        Assert.Equal([2, 2, 1], sizes);
        Assert.Equal(names.Order(StringComparer.Ordinal), seen.Order(StringComparer.Ordinal));
        await (await admin.GetAsync("groups?continuationToken=bm90LW91cnM")).Problem(HttpStatusCode.BadRequest);
        await (await admin.GetAsync("groups?pageSize=0")).Problem(HttpStatusCode.BadRequest);
    }
}
