namespace Certifications.Storage.Secrets;

/// <summary>The key that protects secrets at rest (LMS webhook secrets): a Key Vault key in Azure, a key file on this machine.</summary>
public sealed class SecretOptions
{
    public const string Section = "Secrets";

    /// <summary>e.g. https://kv-name.vault.azure.net/keys/webhook-secrets: an RSA key the app's identity may wrap and unwrap with.</summary>
    public string? KeyVaultKeyUri { get; set; }

    /// <summary>Development only: a file holding a 32-byte key (base64), made on first use.</summary>
    public string? LocalKeyFile { get; set; }
}
