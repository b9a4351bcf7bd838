using DurableTask.Core;

namespace Certifications.DevHost.Durable;

/// <summary>Hands the framework a fresh shim per work item, as it asks for them by name.</summary>
internal sealed class ShimCreator<T> : ObjectCreator<T>
{
    private readonly Func<T> create;

    public ShimCreator(string name, Func<T> create)
    {
        Name = name;
        Version = string.Empty;
        this.create = create;
    }

    public override T Create() => create();
}
