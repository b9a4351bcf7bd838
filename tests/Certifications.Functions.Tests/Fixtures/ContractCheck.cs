using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Certifications.Functions.Http.OpenApi;
using Json.Schema;

namespace Certifications.Functions.Tests.Fixtures;

/// <summary>
/// Checks every answer the HTTP tests receive against the OpenAPI document: the route and verb must be in it, the status
/// declared (or a problem for a 4xx), and a JSON body valid against the declared schema. A mismatch fails the test that
/// made the call, so the document cannot drift from what the API answers.
/// </summary>
public sealed class ContractCheck(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    public ContractCheck()
        : this(new HttpClientHandler())
    {
    }

    private static readonly Lazy<(JsonObject Document, JsonObject Definitions, List<(Regex Path, string Template)> Paths)> Contract = new(Load);

    // Lazy: GetOrAdd may run its factory twice at once, and the schema library refuses a second registration of one address.
    private static readonly ConcurrentDictionary<string, Lazy<JsonSchema>> Schemas = new(StringComparer.Ordinal);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        var path = (response.RequestMessage ?? request).RequestUri!.AbsolutePath;
        if (!path.StartsWith("/api/", StringComparison.Ordinal) || (int)response.StatusCode >= 500)
        {
            return response;
        }

        await response.Content.LoadIntoBufferAsync(cancellationToken);
        var failure = await CheckAsync(request.Method.Method.ToLowerInvariant(), path[4..], response);
        return failure is null
            ? response
            : throw new InvalidOperationException($"{request.Method} {path} → {(int)response.StatusCode}: {failure}");
    }

    private static async Task<string?> CheckAsync(string verb, string path, HttpResponseMessage response)
    {
        var (document, _, paths) = Contract.Value;
        var template = paths.FirstOrDefault(p => p.Path.IsMatch(path)).Template;
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (template is null || document["paths"]![template]![verb] is not JsonObject operation)
        {
            // Any other route is the host's 404 problem, which is not an operation of the API.
            return response.StatusCode == System.Net.HttpStatusCode.NotFound && mediaType == "application/problem+json"
                ? null
                : "the route is not in the OpenAPI document";
        }

        var status = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var declared = operation["responses"]![status] ?? ((int)response.StatusCode >= 400 ? operation["responses"]!["4XX"] : null);
        if (declared is null)
        {
            return $"the status {status} is not declared";
        }

        if (mediaType is null)
        {
            return declared["content"] is null ? null : "a body was declared but none came";
        }

        var problem = (int)response.StatusCode >= 400 ? operation["responses"]!["4XX"]!["content"]![mediaType] : null;
        var content = declared["content"]?[mediaType] ?? declared["content"]?["*/*"] ?? problem;
        if (content is null)
        {
            return $"'{mediaType}' is not declared for {status}";
        }

        if (content["schema"]?["$ref"] is not JsonValue reference)
        {
            return null;
        }

        var name = reference.GetValue<string>()["#/components/schemas/".Length..];
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var results = SchemaOf(name).Evaluate(body.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (results.IsValid)
        {
            return null;
        }

        var errors = (results.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .Select(d => $"{d.InstanceLocation}: {string.Join("; ", d.Errors!.Values)}");
        return $"the body does not match {name}: {string.Join(" | ", errors)}";
    }

    private static JsonSchema SchemaOf(string name) => Schemas.GetOrAdd(name, n => new Lazy<JsonSchema>(() =>
    {
        var root = new JsonObject { ["$defs"] = Contract.Value.Definitions.DeepClone(), ["$ref"] = "#/$defs/" + n };
        return JsonSchema.FromText(root.ToJsonString(), baseUri: new Uri("https://contract.test/" + Uri.EscapeDataString(n)));
    })).Value;

    private static (JsonObject, JsonObject, List<(Regex, string)>) Load()
    {
        var document = OpenApiDocument.Current.DeepClone().AsObject();
        var definitions = JsonNode.Parse(
            document["components"]!["schemas"]!.ToJsonString().Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal))!.AsObject();

        // Literal segments before parameters: /live-sessions/availability is not /live-sessions/{id}.
        var paths = document["paths"]!.AsObject()
            .Select(p => p.Key)
            .OrderBy(t => t.Count(c => c == '{'))
            .Select(t => (new Regex("^" + Regex.Replace(Regex.Escape(t), @"\\\{[A-Za-z]+}", "[^/]+") + "$"), t))
            .ToList();
        return (document, definitions, paths);
    }
}
