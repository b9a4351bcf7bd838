using System.Collections.Frozen;
using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace Certifications.Functions.Identity;

/// <summary>What the gate must check for one function: whether it needs a token and the add-on.</summary>
public sealed record EndpointTraits(bool IsPublic, bool RequiresAddOn, bool SignsIn = false);

/// <summary>Every HTTP function's traits, read once from the attributes by function name.</summary>
public sealed class EndpointCatalog
{
    private readonly FrozenDictionary<string, EndpointTraits> byName;

    public EndpointCatalog()
    {
        byName = FunctionMethods()
            .ToFrozenDictionary(m => m.GetCustomAttribute<FunctionAttribute>()!.Name, Traits, StringComparer.Ordinal);
    }

    /// <summary>Traits of a function; an unknown name is treated as the strictest kind.</summary>
    public EndpointTraits this[string functionName] =>
        byName.TryGetValue(functionName, out var traits) ? traits : new EndpointTraits(IsPublic: false, RequiresAddOn: true);

    public static EndpointTraits Traits(MethodInfo method) => new(
        method.GetCustomAttribute<PublicEndpointAttribute>() is not null,
        method.DeclaringType!.GetCustomAttribute<RequiresCertificationsAddOnAttribute>() is not null,
        method.GetCustomAttribute<SignInEndpointAttribute>() is not null);

    /// <summary>The methods of this assembly that are Azure Functions.</summary>
    public static IEnumerable<MethodInfo> FunctionMethods() =>
        typeof(EndpointCatalog).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static))
            .Where(m => m.GetCustomAttribute<FunctionAttribute>() is not null);
}
