using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Certifications.Storage.Secrets;

/// <summary>
/// Envelope encryption of secrets kept in tables: each secret is sealed with AES-GCM under a fresh data key, and the
/// data key is wrapped by the key vault's key (or the local key), so table read access alone reveals nothing.
/// Unwrapped data keys are kept in memory, so a secret costs one Key Vault call per instance, not one per request.
/// </summary>
public sealed class SecretProtector(IKeyWrap wrap)
{
    private const string Prefix = "enc1";

    private readonly ConcurrentDictionary<string, byte[]> dataKeys = new(StringComparer.Ordinal);

    public async Task<string> ProtectAsync(string secret, CancellationToken cancellationToken)
    {
        var dataKey = RandomNumberGenerator.GetBytes(32);
        var (keyId, wrapped) = await wrap.WrapAsync(dataKey, cancellationToken).ConfigureAwait(false);
        var sealedSecret = AesGcmBox.Seal(dataKey, Encoding.UTF8.GetBytes(secret));
        var keyPart = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(keyId));
        dataKeys[$"{keyPart}.{Base64Url.EncodeToString(wrapped)}"] = dataKey;
        return $"{Prefix}.{keyPart}.{Base64Url.EncodeToString(wrapped)}.{Base64Url.EncodeToString(sealedSecret)}";
    }

    public async Task<string> UnprotectAsync(string protectedSecret, CancellationToken cancellationToken)
    {
        if (protectedSecret.Split('.') is not [Prefix, var keyPart, var wrappedPart, var sealedPart])
        {
            throw new CryptographicException("The stored secret is not in the protected form.");
        }

        var cacheKey = $"{keyPart}.{wrappedPart}";
        if (!dataKeys.TryGetValue(cacheKey, out var dataKey))
        {
            var keyId = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(keyPart));
            dataKey = await wrap.UnwrapAsync(keyId, Base64Url.DecodeFromChars(wrappedPart), cancellationToken).ConfigureAwait(false);
            dataKeys[cacheKey] = dataKey;
        }

        return Encoding.UTF8.GetString(AesGcmBox.Open(dataKey, Base64Url.DecodeFromChars(sealedPart)));
    }
}
