using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Certifications.Functions.Http;

/// <summary>The API's one JSON dialect: camelCase, enums by name, unknown members refused (a typo is an error, not a silent default).</summary>
public static class ApiJson
{
    public static JsonSerializerOptions Options { get; } = Create(JsonUnmappedMemberHandling.Disallow);

    /// <summary>For what other systems send (LMS webhooks): fields we do not know are skipped, since a 400 is retried forever.</summary>
    public static JsonSerializerOptions Tolerant { get; } = Create(JsonUnmappedMemberHandling.Skip);

    private static JsonSerializerOptions Create(JsonUnmappedMemberHandling unmapped)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            Converters = { new JsonStringEnumConverter() },
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            UnmappedMemberHandling = unmapped,
            AllowTrailingCommas = false,

            // Bodies are served as application/json, never inlined into HTML, so names like O'Brien stay readable.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
