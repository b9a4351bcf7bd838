using Azure.Core;
using Azure.Identity;

namespace Certifications.Storage.Common;

/// <summary>
/// The app's Entra identity in Azure (its managed identity; a developer's sign-in elsewhere): one credential for the
/// process, so storage, Key Vault and telemetry share its token cache.
/// </summary>
public static class AppIdentity
{
    public static TokenCredential Credential { get; } = new DefaultAzureCredential();
}
