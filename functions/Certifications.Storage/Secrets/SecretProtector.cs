using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Caching.Memory;

namespace Certifications.Storage.Secrets;

/// <summary>
/// Envelope encryption of secrets kept in tables: each secret is sealed with AES-GCM under a fresh data key, and the
/// data key is wrapped by the key vault's key (or the local key), so table read access alone reveals nothing.
/// Unwrapped data keys are kept in memory for an hour after their last use, so a secret costs one Key Vault call per
/// instance, not one per request, and keys of replaced secrets are let go.
/// </summary>
public sealed class SecretProtector(IKeyWrap wrap) : IDisposable
{
    private const string Prefix = "enc1";

    private static readonly MemoryCacheEntryOptions KeepFor = new() { SlidingExpiration = TimeSpan.FromHours(1) };

    private readonly MemoryCache dataKeys = new(new MemoryCacheOptions());

    public async Task<string> ProtectAsync(string secret, CancellationToken cancellationToken)
    {
        var dataKey = RandomNumberGenerator.GetBytes(32);
        var (keyId, wrapped) = await wrap.WrapAsync(dataKey, cancellationToken).ConfigureAwait(false);
        var sealedSecret = AesGcmBox.Seal(dataKey, Encoding.UTF8.GetBytes(secret));
        var keyPart = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(keyId));
        dataKeys.Set($"{keyPart}.{Base64Url.EncodeToString(wrapped)}", dataKey, KeepFor);
        return $"{Prefix}.{keyPart}.{Base64Url.EncodeToString(wrapped)}.{Base64Url.EncodeToString(sealedSecret)}";
    }

    public async Task<string> UnprotectAsync(string protectedSecret, CancellationToken cancellationToken)
    {
        if (protectedSecret.Split('.') is not [Prefix, var keyPart, var wrappedPart, var sealedPart])
        {
            throw new CryptographicException("The stored secret is not in the protected form.");
        }

        var cacheKey = $"{keyPart}.{wrappedPart}";
        if (!dataKeys.TryGetValue(cacheKey, out byte[]? dataKey) || dataKey is null)
        {
            var keyId = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(keyPart));
            dataKey = await wrap.UnwrapAsync(keyId, Base64Url.DecodeFromChars(wrappedPart), cancellationToken).ConfigureAwait(false);
            dataKeys.Set(cacheKey, dataKey, KeepFor);
        }

        return Encoding.UTF8.GetString(AesGcmBox.Open(dataKey, Base64Url.DecodeFromChars(sealedPart)));
    }

    public void Dispose() => dataKeys.Dispose();
}
