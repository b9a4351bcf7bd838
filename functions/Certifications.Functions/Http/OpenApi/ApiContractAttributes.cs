namespace Certifications.Functions.Http.OpenApi;

/// <summary>What an HTTP function answers with a given status; the OpenAPI document is built from these.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class ApiResponseAttribute(int status, Type? body = null) : Attribute
{
    public int Status { get; } = status;

    /// <summary>The type serialized as the body; null for no body, or for a file when <see cref="ContentType"/> is not JSON.</summary>
    public Type? Body { get; } = body;

    public string ContentType { get; init; } = "application/json";

    public string Description { get; init; } = string.Empty;
}

/// <summary>The body an HTTP function reads; without it the function reads none.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ApiRequestAttribute(Type? body = null) : Attribute
{
    /// <summary>The JSON body's type; null for a body that is not JSON (a CSV, a multipart form).</summary>
    public Type? Body { get; } = body;

    public string ContentType { get; init; } = "application/json";

    /// <summary>A body may be left out (a step that takes an optional choice).</summary>
    public bool Optional { get; init; }

    /// <summary>Form fields of a multipart body, named as the function reads them.</summary>
    public string[] FormFields { get; init; } = [];
}

/// <summary>A query parameter an HTTP function reads.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class ApiQueryAttribute(string name, string description) : Attribute
{
    public string Name { get; } = name;

    public string Description { get; } = description;
}
