using System.Buffers.Text;
using System.Globalization;
using System.Text;
using Certifications.Domain.Common;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Certifications.Functions.Http;

/// <summary>
/// Pages a list the app builds whole (a coach's team, the catalog, the review queue: lists whose length follows the
/// team or the catalog, never the organization's people) the way the contract pages every list: ?pageSize= and an
/// opaque ?continuationToken= that carries where the next page starts.
/// </summary>
public static class ListPaging
{
    private const string Prefix = "at:";

    /// <summary>The page of <paramref name="all"/> the request asks for, or the problem with its paging parameters.</summary>
    public static IActionResult Answer<T>(HttpRequest request, IEnumerable<T> all)
    {
        var query = ListQuery.From(request);
        return (query.IsSuccess ? Page(all, query.Value) : query.Error!).ToHttp(page => ApiResult.Ok(page));
    }

    /// <summary>As <see cref="Answer{T}(HttpRequest, IEnumerable{T})"/>, for a list that may be refused.</summary>
    public static IActionResult Answer<T>(HttpRequest request, Result<IReadOnlyList<T>> all) =>
        all.IsSuccess ? Answer(request, all.Value) : Problems.For(all.Error!);

    public static Result<ListResponse<T>> Page<T>(IEnumerable<T> all, ListQuery query)
    {
        var start = 0;
        if (query.ContinuationToken is { } token && !TryDecode(token, out start))
        {
            return Error.Invalid("continuationToken", "is not a token this list gave out.");
        }

        var items = all.Skip(start).Take(query.PageSize + 1).ToList();
        var more = items.Count > query.PageSize;
        return new ListResponse<T>([.. items.Take(query.PageSize)], more ? Encode(start + query.PageSize) : null);
    }

    private static string Encode(int start) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(Prefix + start.ToString(CultureInfo.InvariantCulture)));

    private static bool TryDecode(string token, out int start)
    {
        start = 0;
        var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
        return text.StartsWith(Prefix, StringComparison.Ordinal)
            && int.TryParse(text.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out start);
    }
}
