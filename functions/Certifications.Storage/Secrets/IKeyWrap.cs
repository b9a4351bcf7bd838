namespace Certifications.Storage.Secrets;

/// <summary>Wraps and unwraps a data key with a key the app never stores next to the data.</summary>
public interface IKeyWrap
{
    /// <summary>The wrapped key and the id of the key that wrapped it (which unwrapping needs).</summary>
    Task<(string KeyId, byte[] Wrapped)> WrapAsync(byte[] dataKey, CancellationToken cancellationToken);

    Task<byte[]> UnwrapAsync(string keyId, byte[] wrapped, CancellationToken cancellationToken);
}
