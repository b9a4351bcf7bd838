using Certifications.Functions.Identity;
using Certifications.Functions.Notifications;
using Certifications.Storage.Secrets;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Certifications.Functions;

/// <summary>
/// The settings the app refuses to start with, each named as it is set in app settings: every QR code and link
/// depends on the public address, and a PDF is never drawn again; a development key or clear-text SMTP in Azure
/// would let anyone sign in or read the mail password.
/// </summary>
public sealed class SettingsValidation(IHostEnvironment environment)
    : IValidateOptions<AppOptions>, IValidateOptions<AuthOptions>, IValidateOptions<EmailOptions>, IValidateOptions<SecretOptions>
{
    private bool Development => environment.IsDevelopment();

    public ValidateOptionsResult Validate(string? name, AppOptions options)
    {
        if (!Uri.TryCreate(options.PublicBaseUrl, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http"))
        {
            return Fail("PublicBaseUrl", $"must be the app's absolute address (e.g. https://certifications.example.org), not '{options.PublicBaseUrl}'.");
        }

        if (!Development && url.Scheme != "https")
        {
            return Fail("PublicBaseUrl", "must be an https address outside Development: it is printed in every certificate's QR code.");
        }

        if (options.WebBaseUrl is null)
        {
            return ValidateOptionsResult.Success;
        }

        if (!Uri.TryCreate(options.WebBaseUrl, UriKind.Absolute, out var web) || web.Scheme is not ("https" or "http"))
        {
            return Fail("WebBaseUrl", $"must be the web app's absolute address (e.g. https://app.certifications.example.org), not '{options.WebBaseUrl}'.");
        }

        return !Development && web.Scheme != "https"
            ? Fail("WebBaseUrl", "must be an https address outside Development: every e-mail links to it.")
            : ValidateOptionsResult.Success;
    }

    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        var failures = new List<string>();
        if (!string.IsNullOrEmpty(options.DevelopmentSigningKey) && !Development)
        {
            failures.Add(
                Message("Auth__DevelopmentSigningKey",
                "is for Development only: with it anyone holding the key signs in as anyone. Remove it and set Auth__Authority."));
        }

        if (!string.IsNullOrEmpty(options.DevelopmentSigningKey) && !options.HasDevelopmentKey)
        {
            failures.Add(Message("Auth__DevelopmentSigningKey", "must be base64 of at least 32 random bytes."));
        }

        if (!string.IsNullOrWhiteSpace(options.Authority)
            && (!Uri.TryCreate(options.Authority, UriKind.Absolute, out var authority) || authority.Scheme != "https"))
        {
            failures.Add(Message("Auth__Authority", "must be an https OpenID Connect authority, e.g. https://login.microsoftonline.com/organizations/v2.0."));
        }

        if (string.IsNullOrWhiteSpace(options.Authority) && !(Development && options.HasDevelopmentKey))
        {
            failures.Add(Message("Auth__Authority", "is required: the OpenID Connect authority tokens come from (Entra ID)."));
        }

        if (!string.IsNullOrEmpty(options.ClientId) && !Guid.TryParse(options.ClientId, out _))
        {
            failures.Add(Message("Auth__ClientId", "must be the API app registration's client id, a GUID."));
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    public ValidateOptionsResult Validate(string? name, EmailOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Host) && string.IsNullOrWhiteSpace(options.OutboxFolder))
        {
            return Fail("Smtp__Host", "or Smtp__OutboxFolder is required: e-mail goes to an SMTP server or, explicitly, to a folder.");
        }

        return !string.IsNullOrWhiteSpace(options.Host) && !options.UseTls && !Development
            ? Fail("Smtp__UseTls", "must stay true outside Development: without TLS the SMTP password crosses the network in clear.")
            : ValidateOptionsResult.Success;
    }

    public ValidateOptionsResult Validate(string? name, SecretOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.KeyVaultKeyUri))
        {
            return Uri.TryCreate(options.KeyVaultKeyUri, UriKind.Absolute, out var key) && key.Scheme == "https"
                && key.AbsolutePath.StartsWith("/keys/", StringComparison.Ordinal)
                ? ValidateOptionsResult.Success
                : Fail("Secrets__KeyVaultKeyUri", "must be a Key Vault key's https address, e.g. https://kv-name.vault.azure.net/keys/webhook-secrets.");
        }

        if (string.IsNullOrWhiteSpace(options.LocalKeyFile))
        {
            return Fail("Secrets__KeyVaultKeyUri", "is required: webhook secrets are kept encrypted under a Key Vault key.");
        }

        return Development ? ValidateOptionsResult.Success : Fail("Secrets__LocalKeyFile", "is for Development only; set Secrets__KeyVaultKeyUri.");
    }

    private static ValidateOptionsResult Fail(string setting, string problem) => ValidateOptionsResult.Fail(Message(setting, problem));

    private static string Message(string setting, string problem) => $"{setting} {problem}";
}
