using System.Net;
using System.Text.Json.Nodes;
using Certifications.Functions.Http.OpenApi;
using Certifications.Functions.Tests.Fixtures;

namespace Certifications.Functions.Tests.Http;

/// <summary>The OpenAPI document describes the routes the host serves, no more and no fewer, and is served to anyone.</summary>
[Collection(DevHostCollection.Name)]
public class OpenApiTests(DevHostFixture fixture)
{
    [Fact]
    public async Task The_served_document_has_every_route_the_host_maps_and_nothing_else()
    {
        var response = await fixture.Anonymous.GetAsync("openapi.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal("3.1.0", document["openapi"]!.GetValue<string>());
        var described = document["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject().Select(o => $"{o.Key.ToUpperInvariant()} /api{p.Key}"))
            .Order(StringComparer.Ordinal);
        var mapped = fixture.Host.Routes
            .SelectMany(r => r.Split(' ')[0].Split(',').Select(verb => $"{verb} {r.Split(' ')[1]}"))
            .Order(StringComparer.Ordinal);
        Assert.Equal(mapped, described);
    }

    [Fact]
    public void Every_operation_declares_a_success_and_every_schema_it_names_exists()
    {
        var document = OpenApiDocument.Current;
        var schemas = document["components"]!["schemas"]!.AsObject();
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (verb, operation) in item!.AsObject())
            {
                var responses = operation!["responses"]!.AsObject();
                Assert.True(responses.Any(r => r.Key.StartsWith('2')), $"{verb} {path} declares no success");
            }
        }

        var references = System.Text.RegularExpressions.Regex.Matches(document.ToJsonString(), "\"#/components/schemas/([^\"/]+)")
            .Select(m => m.Groups[1].Value).Distinct();
        Assert.All(references, name => Assert.True(schemas.ContainsKey(name), $"{name} is referenced but not defined"));
    }

    [Fact]
    public async Task An_answer_the_document_does_not_describe_fails_the_call()
    {
        // The check every HTTP test's calls go through, given answers the API must never give.
        using var client = new HttpClient(new ContractCheck(new Canned())) { BaseAddress = new Uri("http://contract.test/api/") };

        var wrongBody = await Assert.ThrowsAsync<InvalidOperationException>(() => client.GetAsync("me"));
        var wrongVerb = await Assert.ThrowsAsync<InvalidOperationException>(() => client.PatchAsync("me", null));

        Assert.Contains("does not match MeResponse", wrongBody.Message, StringComparison.Ordinal);
        Assert.Contains("not in the OpenAPI document", wrongVerb.Message, StringComparison.Ordinal);
    }

    /// <summary>Answers every call with a 200 whose body no operation declares.</summary>
    private sealed class Canned : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
            {
                RequestMessage = request,
                Content = new StringContent("{\"user\": 5}", System.Text.Encoding.UTF8, "application/json"),
            });
    }
}

