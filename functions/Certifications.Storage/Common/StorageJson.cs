using System.Text.Json;
using System.Text.Json.Serialization;

namespace Certifications.Storage.Common;

/// <summary>How nested values (criteria, progress, designs) are kept inside a table column.</summary>
internal static class StorageJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,

        // Columns count UTF-16 characters (32K at most): the default encoder writes each non-ASCII letter as a
        // six-character \uXXXX escape, and these values are never inlined into HTML.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Read<T>(string? json, T fallback) =>
        string.IsNullOrEmpty(json) ? fallback : JsonSerializer.Deserialize<T>(json, Options) ?? fallback;
}
