namespace Certifications.Domain.People;

/// <summary>
/// Who signs in, as the identity provider names them: the Entra tenant and the account's object id in it. The only
/// claims trusted, and only to find the user they were bound to; never an e-mail or a name.
/// </summary>
public sealed record SignInIdentity(string TenantId, string ObjectId);
