namespace Certifications.Functions.Identity;

/// <summary>What the gate must check for one function: whether it needs a token and the add-on, and whether it signs in.</summary>
public sealed record EndpointTraits(bool IsPublic, bool RequiresAddOn, bool SignsIn = false);
