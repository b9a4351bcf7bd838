using DurableTask.Core.Serializing;

namespace Certifications.DevHost.Durable;

/// <summary>
/// The framework client's converter, told to leave strings alone: the client serializes with the SDK's converter
/// first, so the engine stores exactly the JSON the shims will read.
/// </summary>
internal sealed class PassThroughDataConverter : DataConverter
{
    public override string Serialize(object value) => (string)value;

    public override string Serialize(object value, bool formatted) => (string)value;

    public override object Deserialize(string data, Type objectType) => data;
}
