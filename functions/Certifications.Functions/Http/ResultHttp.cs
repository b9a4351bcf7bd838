using Certifications.Domain.Common;
using Microsoft.AspNetCore.Mvc;

namespace Certifications.Functions.Http;

/// <summary>Maps a result to its HTTP answer: the value as JSON, or the error as problem+json.</summary>
public static class ResultHttp
{
    public static IActionResult ToHttp<T>(this Result<T> result, Func<T, IActionResult> onSuccess) =>
        result.IsSuccess ? onSuccess(result.Value) : Problems.For(result.Error!);

    public static IActionResult ToHttp<T>(this Result<T> result) where T : notnull =>
        result.ToHttp(value => ApiResult.Ok(value));
}
