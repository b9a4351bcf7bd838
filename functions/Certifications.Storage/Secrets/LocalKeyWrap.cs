using System.Security.Cryptography;

namespace Certifications.Storage.Secrets;

/// <summary>Development's key wrap: AES-GCM under a key in a file of the developer's machine (under .dev/).</summary>
public sealed class LocalKeyWrap(string keyFile) : IKeyWrap
{
    public const string KeyId = "local";

    private readonly Lazy<byte[]> key = new(() => LoadOrCreate(keyFile));

    public Task<(string KeyId, byte[] Wrapped)> WrapAsync(byte[] dataKey, CancellationToken cancellationToken) =>
        Task.FromResult((KeyId, AesGcmBox.Seal(key.Value, dataKey)));

    public Task<byte[]> UnwrapAsync(string keyId, byte[] wrapped, CancellationToken cancellationToken) =>
        keyId == KeyId ? Task.FromResult(AesGcmBox.Open(key.Value, wrapped)) : throw new CryptographicException(
            $"The secret was wrapped by '{keyId}', not the local key.");

    private static byte[] LoadOrCreate(string path)
    {
        if (File.Exists(path))
        {
            return Convert.FromBase64String(File.ReadAllText(path).Trim());
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var created = RandomNumberGenerator.GetBytes(32);
        File.WriteAllText(path, Convert.ToBase64String(created));
        return created;
    }
}
