using System.Buffers.Text;
using System.Text;
using Azure;
using Azure.Data.Tables;

namespace Certifications.Storage.Common;

/// <summary>Reads one page of a Table query; the service's continuation token travels base64url-encoded so it stays opaque.</summary>
internal static class Paging
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;

    public static async Task<ListPage<TOut>> ReadPageAsync<TEntity, TOut>(
        AsyncPageable<TEntity> query, int pageSize, string? continuationToken, Func<TEntity, TOut> map, CancellationToken cancellationToken)
        where TEntity : class, ITableEntity
    {
        await foreach (var page in query.AsPages(Decode(continuationToken), pageSize).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            return new ListPage<TOut>([.. page.Values.Select(map)], Encode(page.ContinuationToken));
        }

        return new ListPage<TOut>([], null);
    }

    public static bool IsValidToken(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return true;
        }

        return Base64Url.IsValid(token);
    }

    private static string? Encode(string? token) =>
        string.IsNullOrEmpty(token) ? null : Base64Url.EncodeToString(Encoding.UTF8.GetBytes(token));

    private static string? Decode(string? token) =>
        string.IsNullOrEmpty(token) ? null : Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
}
