using System.Buffers.Text;
using Certifications.Domain.Common;
using Microsoft.AspNetCore.Http;

namespace Certifications.Functions.Http;

/// <summary>The paging parameters every list endpoint takes: ?pageSize= (1–500, default 50) and ?continuationToken=.</summary>
public sealed record ListQuery(int PageSize, string? ContinuationToken)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;

    public static Result<ListQuery> From(HttpRequest request)
    {
        var pageSize = DefaultPageSize;
        var rawSize = request.Query["pageSize"].ToString();
        if (rawSize.Length > 0 && (!int.TryParse(rawSize, out pageSize) || pageSize is < 1 or > MaxPageSize))
        {
            return Error.Invalid("pageSize", $"must be a whole number from 1 to {MaxPageSize}.");
        }

        var token = request.Query["continuationToken"].ToString();
        if (token.Length > 0 && !Base64Url.IsValid(token))
        {
            return Error.Invalid("continuationToken", "is not a token this API gave out.");
        }

        return new ListQuery(pageSize, token.Length > 0 ? token : null);
    }
}

/// <summary>The shape of every list answer.</summary>
public sealed record ListResponse<T>(IReadOnlyList<T> Items, string? ContinuationToken);
