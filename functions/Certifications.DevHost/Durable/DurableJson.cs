using System.Text.Json;
using Microsoft.DurableTask.Converters;

namespace Certifications.DevHost.Durable;

/// <summary>The JSON the engine, the shims and the client agree on: the Durable Task SDK's default converter.</summary>
internal static class DurableJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);

    public static JsonDataConverter Converter { get; } = new(Options);
}
