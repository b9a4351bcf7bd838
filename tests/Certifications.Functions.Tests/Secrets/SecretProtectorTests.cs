using System.Security.Cryptography;
using Certifications.Storage.Secrets;

namespace Certifications.Functions.Tests.Secrets;

public sealed class SecretProtectorTests : IDisposable
{
    private readonly string keyFile = Path.Combine(Path.GetTempPath(), $"secrets-key-{Guid.NewGuid():N}");

    [Fact]
    public async Task A_protected_secret_opens_with_the_same_key_file_only()
    {
        const string secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        var protectedSecret = await new SecretProtector(new LocalKeyWrap(keyFile)).ProtectAsync(secret, CancellationToken.None);

        Assert.DoesNotContain(secret[6..], protectedSecret, StringComparison.Ordinal);
        Assert.Equal(secret, await new SecretProtector(new LocalKeyWrap(keyFile)).UnprotectAsync(protectedSecret, CancellationToken.None));
        var otherKey = keyFile + "-other";
        try
        {
            await Assert.ThrowsAnyAsync<CryptographicException>(
                () => new SecretProtector(new LocalKeyWrap(otherKey)).UnprotectAsync(protectedSecret, CancellationToken.None));
        }
        finally
        {
            File.Delete(otherKey);
        }
    }

    [Fact]
    public async Task A_tampered_value_does_not_open()
    {
        var protector = new SecretProtector(new LocalKeyWrap(keyFile));
        var protectedSecret = await protector.ProtectAsync("whsec_AAAA", CancellationToken.None);
        var tampered = protectedSecret[..^2] + (protectedSecret[^2] == 'A' ? "B" : "A") + protectedSecret[^1];

        await Assert.ThrowsAnyAsync<CryptographicException>(
            () => new SecretProtector(new LocalKeyWrap(keyFile)).UnprotectAsync(tampered, CancellationToken.None));
    }

    public void Dispose() => File.Delete(keyFile);
}
