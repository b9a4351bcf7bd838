namespace Certifications.Storage.Common;

/// <summary>Where the app keeps its tables and blobs: a connection string (Azurite, local) or an account name (managed identity, Azure).</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    public string? ConnectionString { get; set; }

    /// <summary>Identity-based access, the same setting name the Functions host uses (AzureWebJobsStorage__accountName).</summary>
    public string? AccountName { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(ConnectionString) || !string.IsNullOrWhiteSpace(AccountName);
}
