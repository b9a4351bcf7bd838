using System.Buffers.Text;
using System.Text.Json;
using Azure.Core;
using Azure.Core.Pipeline;
using Certifications.Storage.Common;

namespace Certifications.Storage.Secrets;

/// <summary>
/// Key Vault's wrapkey/unwrapkey (RSA-OAEP-256) through its REST API with the app's managed identity: the Key Vault
/// SDK is not available to this project, Azure.Core's pipeline gives the same retries and token handling.
/// </summary>
public sealed class KeyVaultKeyWrap(Uri keyUri) : IKeyWrap
{
    private const string ApiVersion = "7.4";
    private const string Algorithm = "RSA-OAEP-256";

    private readonly HttpPipeline pipeline = HttpPipelineBuilder.Build(
        new VaultClientOptions(), new BearerTokenAuthenticationPolicy(AppIdentity.Credential, "https://vault.azure.net/.default"));

    public async Task<(string KeyId, byte[] Wrapped)> WrapAsync(byte[] dataKey, CancellationToken cancellationToken)
    {
        var (keyId, value) = await SendAsync(new Uri(keyUri.ToString().TrimEnd('/') + "/wrapkey"), dataKey, cancellationToken).ConfigureAwait(false);
        return (keyId, value);
    }

    public async Task<byte[]> UnwrapAsync(string keyId, byte[] wrapped, CancellationToken cancellationToken) =>
        (await SendAsync(new Uri(keyId.TrimEnd('/') + "/unwrapkey"), wrapped, cancellationToken).ConfigureAwait(false)).Value;

    /// <summary>Posts {alg, value} and reads {kid, value}; the kid names the key version, which unwrapping must use.</summary>
    private async Task<(string KeyId, byte[] Value)> SendAsync(Uri operation, byte[] value, CancellationToken cancellationToken)
    {
        using var message = pipeline.CreateMessage();
        var request = message.Request;
        request.Method = RequestMethod.Post;
        request.Uri.Reset(new UriBuilder(operation) { Query = "api-version=" + ApiVersion }.Uri);
        request.Headers.Add("Content-Type", "application/json");
        request.Content = RequestContent.Create(JsonSerializer.SerializeToUtf8Bytes(new { alg = Algorithm, value = Base64Url.EncodeToString(value) }));
        await pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        var response = message.Response;
        if (response.IsError)
        {
            throw new InvalidOperationException($"Key Vault answered {response.Status} to {operation.AbsolutePath}: {response.Content}");
        }

        using var body = JsonDocument.Parse(response.Content.ToMemory());
        return (body.RootElement.GetProperty("kid").GetString()!, Base64Url.DecodeFromChars(body.RootElement.GetProperty("value").GetString()));
    }

    private sealed class VaultClientOptions : ClientOptions;
}
