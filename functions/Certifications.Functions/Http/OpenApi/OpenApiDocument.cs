using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.RegularExpressions;
using Certifications.Functions.Hosting;
using Certifications.Functions.Identity;
using Microsoft.Azure.Functions.Worker;

namespace Certifications.Functions.Http.OpenApi;

/// <summary>
/// The OpenAPI 3.1 document of the HTTP API, built once from the functions themselves: routes and verbs from their triggers,
/// bodies from <see cref="ApiRequestAttribute"/> and <see cref="ApiResponseAttribute"/>, schemas from the types as
/// <see cref="ApiJson"/> writes them. Nothing is written by hand, so it cannot drift from what the API does.
/// </summary>
public static partial class OpenApiDocument
{
    private static readonly Lazy<JsonObject> Built = new(Build);

    private static readonly JsonSchemaExporterOptions Exporter = new()
    {
        TreatNullObliviousAsNonNullable = true,
        TransformSchemaNode = OmittedWhenNull,
    };

    private static readonly NullabilityInfoContext Nullability = new();

    /// <summary>The API's dialect, but numbers as numbers: it reads "5" for 5 out of leniency, and never writes a string.</summary>
    private static readonly JsonSerializerOptions Shapes = Strict();

    /// <summary>The document; callers must not change it.</summary>
    public static JsonObject Current => Built.Value;

    /// <summary>One operation of the API, as the document describes it.</summary>
    public sealed record Operation(string Verb, string Path, MethodInfo Method);

    /// <summary>Every HTTP function as (verb, path under /api).</summary>
    public static IEnumerable<Operation> Operations()
    {
        foreach (var (function, http) in FunctionCatalog.App.With<HttpRoute>())
        {
            foreach (var verb in http.Verbs)
            {
                yield return new Operation(verb.ToLowerInvariant(), "/" + http.Route, function.Method);
            }
        }
    }

    /// <summary>The component name a body type's schema is filed under.</summary>
    public static string SchemaName(Type type) =>
        type.IsGenericType
            ? type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)] + "Of" + string.Concat(type.GetGenericArguments().Select(SchemaName))
            : type.IsArray ? SchemaName(type.GetElementType()!) + "List" : type.Name;

    private static JsonObject Build()
    {
        var schemas = new SortedDictionary<string, JsonNode>(StringComparer.Ordinal);
        var paths = new SortedDictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var operation in Operations())
        {
            if (!paths.TryGetValue(operation.Path, out var item))
            {
                paths[operation.Path] = item = [];
            }

            item[operation.Verb] = Describe(operation, schemas);
        }

        schemas["Problem"] = ProblemSchema();
        var document = new JsonObject
        {
            ["openapi"] = "3.1.0",
            ["info"] = new JsonObject
            {
                ["title"] = "Certifications API",
                ["version"] = "1",
                ["description"] = "Catalog, enrollments, evidence, reviews, live sessions, certificates and reports. "
                    + "Errors are RFC 9457 problem documents; 'errors' names the fields at fault.",
            },
            ["servers"] = new JsonArray(new JsonObject { ["url"] = "/api" }),
            ["security"] = new JsonArray(new JsonObject { ["bearer"] = new JsonArray() }),
            ["paths"] = new JsonObject(paths.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value))),
            ["components"] = new JsonObject
            {
                ["securitySchemes"] = new JsonObject
                {
                    ["bearer"] = new JsonObject { ["type"] = "http", ["scheme"] = "bearer", ["bearerFormat"] = "JWT" },
                },
                ["schemas"] = new JsonObject(schemas.Select(s => KeyValuePair.Create(s.Key, (JsonNode?)s.Value))),
            },
        };
        return document;
    }

    private static JsonObject Describe(Operation operation, SortedDictionary<string, JsonNode> schemas)
    {
        var method = operation.Method;
        var described = new JsonObject
        {
            ["operationId"] = method.GetCustomAttribute<FunctionAttribute>()!.Name,
            ["tags"] = new JsonArray(method.DeclaringType!.Name.Replace("Functions", string.Empty, StringComparison.Ordinal)),
        };
        if (method.GetCustomAttribute<PublicEndpointAttribute>() is not null)
        {
            described["security"] = new JsonArray();
        }

        var parameters = new JsonArray();
        foreach (Match name in RouteParameter().Matches(operation.Path))
        {
            parameters.Add(new JsonObject
            {
                ["name"] = name.Groups[1].Value,
                ["in"] = "path",
                ["required"] = true,
                ["schema"] = new JsonObject { ["type"] = "string" },
            });
        }

        // Every list pages (the contract): its paging parameters are described from its answer's type, never left out.
        var queries = method.GetCustomAttributes<ApiQueryAttribute>().ToList();
        var isList = method.GetCustomAttributes<ApiResponseAttribute>()
            .Any(r => r.Body is { IsGenericType: true } body && body.GetGenericTypeDefinition() == typeof(ListResponse<>));
        if (isList && queries.All(q => q.Name != "pageSize"))
        {
            queries.Add(new ApiQueryAttribute("pageSize", "how many items a page holds (1–500, default 50)"));
            queries.Add(new ApiQueryAttribute("continuationToken", "the token of the previous page, for the next one"));
        }

        foreach (var query in queries)
        {
            parameters.Add(new JsonObject
            {
                ["name"] = query.Name,
                ["in"] = "query",
                ["description"] = query.Description,
                ["schema"] = new JsonObject { ["type"] = "string" },
            });
        }

        if (parameters.Count > 0)
        {
            described["parameters"] = parameters;
        }

        if (method.GetCustomAttribute<ApiRequestAttribute>() is { } request)
        {
            described["requestBody"] = new JsonObject
            {
                ["required"] = !request.Optional,
                ["content"] = new JsonObject { [request.ContentType] = Media(request.Body, request.FormFields, schemas) },
            };
        }

        var responses = new JsonObject();
        foreach (var group in method.GetCustomAttributes<ApiResponseAttribute>().GroupBy(r => r.Status).OrderBy(g => g.Key))
        {
            var summary = group.FirstOrDefault(r => r.Description.Length > 0)?.Description ?? "Success";
            var answer = new JsonObject { ["description"] = summary };
            var content = new JsonObject();
            foreach (var response in group.Where(r => r.Body is not null || r.ContentType != "application/json"))
            {
                content[response.ContentType] = Media(response.Body, [], schemas);
            }

            if (content.Count > 0)
            {
                answer["content"] = content;
            }

            responses[group.Key.ToString(System.Globalization.CultureInfo.InvariantCulture)] = answer;
        }

        responses["4XX"] = new JsonObject
        {
            ["description"] = "A problem: what is wrong, and under 'errors' the fields it names.",
            ["content"] = new JsonObject
            {
                [Problems.ContentType] = new JsonObject { ["schema"] = new JsonObject { ["$ref"] = "#/components/schemas/Problem" } },
            },
        };
        described["responses"] = responses;
        return described;
    }

    private static JsonObject Media(Type? body, string[] formFields, SortedDictionary<string, JsonNode> schemas)
    {
        if (body is not null)
        {
            return new JsonObject { ["schema"] = Reference(body, schemas) };
        }

        if (formFields.Length > 0)
        {
            var properties = new JsonObject();
            foreach (var field in formFields)
            {
                properties[field] = field.StartsWith("file", StringComparison.Ordinal)
                    ? new JsonObject { ["type"] = "string", ["format"] = "binary" }
                    : new JsonObject { ["type"] = "string" };
            }

            return new JsonObject { ["schema"] = new JsonObject { ["type"] = "object", ["properties"] = properties } };
        }

        return new JsonObject { ["schema"] = new JsonObject { ["type"] = "string", ["format"] = "binary" } };
    }

    private static JsonObject Reference(Type type, SortedDictionary<string, JsonNode> schemas)
    {
        var name = SchemaName(type);
        if (!schemas.ContainsKey(name))
        {
            var schema = Shapes.GetJsonSchemaAsNode(type, Exporter);
            Rebase(schema, "#/components/schemas/" + name);
            schemas[name] = schema;
        }

        return new JsonObject { ["$ref"] = "#/components/schemas/" + name };
    }

    private static JsonSerializerOptions Strict()
    {
        var options = new JsonSerializerOptions(ApiJson.Options) { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    /// <summary>The exporter's references point into the schema's own root; filed under components they must say where that is.</summary>
    private static void Rebase(JsonNode? node, string root)
    {
        switch (node)
        {
            case JsonObject o:
                if (o["$ref"] is JsonValue reference && reference.GetValue<string>().StartsWith('#'))
                {
                    o["$ref"] = root + reference.GetValue<string>()[1..];
                }

                foreach (var (_, child) in o.ToList())
                {
                    Rebase(child, root);
                }

                break;
            case JsonArray a:
                foreach (var child in a)
                {
                    Rebase(child, root);
                }

                break;
        }
    }

    /// <summary>The API leaves out members that are null (<see cref="ApiJson"/>), so a nullable member is never required.</summary>
    private static JsonNode OmittedWhenNull(JsonSchemaExporterContext context, JsonNode schema)
    {
        if (context.TypeInfo.Kind == System.Text.Json.Serialization.Metadata.JsonTypeInfoKind.Object
            && schema is JsonObject { } o && o["required"] is JsonArray required)
        {
            var omitted = context.TypeInfo.Properties.Where(CanBeNull).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
            foreach (var name in required.Where(n => omitted.Contains(n!.GetValue<string>())).ToList())
            {
                required.Remove(name);
            }

            if (required.Count == 0)
            {
                o.Remove("required");
            }
        }

        return schema;
    }

    private static bool CanBeNull(System.Text.Json.Serialization.Metadata.JsonPropertyInfo property) =>
        Nullable.GetUnderlyingType(property.PropertyType) is not null
        || (!property.PropertyType.IsValueType && property.AttributeProvider switch
        {
            PropertyInfo p => Nullability.Create(p).ReadState != NullabilityState.NotNull,
            FieldInfo f => Nullability.Create(f).ReadState != NullabilityState.NotNull,
            _ => true,
        });

    private static JsonObject ProblemSchema() => new()
    {
        ["type"] = "object",
        ["required"] = new JsonArray("type", "title", "status"),
        ["properties"] = new JsonObject
        {
            ["type"] = new JsonObject { ["type"] = "string" },
            ["title"] = new JsonObject { ["type"] = "string" },
            ["status"] = new JsonObject { ["type"] = "integer" },
            ["detail"] = new JsonObject { ["type"] = "string" },
            ["rule"] = new JsonObject { ["type"] = "string", ["description"] = "The calendar rule a refused schedule broke." },
            ["nextSlot"] = new JsonObject
            {
                ["type"] = new JsonArray("string", "null"),
                ["format"] = "date-time",
                ["description"] = "The next start that keeps the rules, offered with a refused schedule.",
            },
            ["errors"] = new JsonObject
            {
                ["type"] = "object",
                ["description"] = "Per field named in the request, the sentences that say what is wrong with it.",
                ["additionalProperties"] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string" } },
            },
        },
    };

    [GeneratedRegex(@"\{([A-Za-z]+)\}")]
    private static partial Regex RouteParameter();

    /// <summary>The document as UTF-8 JSON, indented so a person can read it.</summary>
    public static string ToJson() => Current.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
}
