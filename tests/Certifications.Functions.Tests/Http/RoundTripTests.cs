using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Certifications.Domain.People;
using Certifications.Functions.Tests.Fixtures;

namespace Certifications.Functions.Tests.Http;

/// <summary>A client reads a resource, changes one field and PUTs the whole representation back.</summary>
[Collection(DevHostCollection.Name)]
public class RoundTripTests(DevHostFixture fixture)
{
    [Theory]
    [InlineData("org/settings", "name", "Zoë's Ørg 安全")]
    [InlineData("users/{user}", "displayName", "Zoë Ångström-Núñez")]
    [InlineData("certifications/{certification}", "title", "Sécurité Übung 安全")]
    public async Task What_a_get_shows_can_be_put_back_with_one_field_changed(string route, string field, string value)
    {
        var (admin, path) = await ResourceAsync(route);

        var (read, etag) = await ReadAsync(admin, path);
        read[field] = value;
        var written = await PutAsync(admin, path, read, etag);

        Assert.True(written.IsSuccessStatusCode, await written.Content.ReadAsStringAsync());
        Assert.Equal(value, (await ReadAsync(admin, path)).Body[field]!.GetValue<string>());
    }

    [Theory]
    [InlineData("org/settings", "id")]
    [InlineData("users/{user}", "createdAt")]
    [InlineData("certifications/{certification}", "status")]
    public async Task A_changed_read_only_field_is_refused_by_name_and_changes_nothing(string route, string field)
    {
        var (admin, path) = await ResourceAsync(route);
        var (read, etag) = await ReadAsync(admin, path);
        var before = read.ToJsonString();

        read[field] = "2020-01-01T00:00:00+00:00";
        var problem = await (await PutAsync(admin, path, read, etag)).Problem(HttpStatusCode.BadRequest);

        Assert.NotNull(problem["errors"]![field]);
        Assert.Equal(before, (await ReadAsync(admin, path)).Body.ToJsonString());
    }

    [Fact]
    public async Task An_unknown_field_is_still_refused()
    {
        var (admin, path) = await ResourceAsync("users/{user}");
        var (read, etag) = await ReadAsync(admin, path);
        read["nickname"] = "Zo";

        var problem = await (await PutAsync(admin, path, read, etag)).Problem(HttpStatusCode.BadRequest);

        Assert.NotNull(problem["errors"]!["nickname"]);
    }

    private async Task<(HttpClient Admin, string Path)> ResourceAsync(string route)
    {
        var org = await TestOrganization.CreateAsync(fixture.Host);
        var user = await org.AddUserAsync("Lena Learner", Role.Learner);
        var certification = await org.PublishedCertificationAsync();
        return (org.AsAdmin(), route.Replace("{user}", user.Id, StringComparison.Ordinal).Replace("{certification}", certification, StringComparison.Ordinal));
    }

    private static async Task<(JsonObject Body, string ETag)> ReadAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        response.EnsureSuccessStatusCode();
        return ((JsonObject)await response.Json(), response.Headers.ETag!.ToString());
    }

    private static Task<HttpResponseMessage> PutAsync(HttpClient client, string path, JsonObject body, string etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, path) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        return client.SendAsync(request);
    }
}
