namespace Certifications.Functions.Identity;

/// <summary>Marks an HTTP function that anyone may call without a token (verification, the signed LMS webhook).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PublicEndpointAttribute : Attribute;

/// <summary>Marks an HTTP function that takes a valid token whose account is not bound to a user yet (accepting an invitation).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SignInEndpointAttribute : Attribute;

/// <summary>Marks the functions of a feature that answer 403 while the organization's Certifications add-on is off.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RequiresCertificationsAddOnAttribute : Attribute;
