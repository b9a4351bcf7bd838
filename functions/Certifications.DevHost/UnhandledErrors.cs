using Certifications.Domain.Common;
using Certifications.Functions.Http;
using Microsoft.AspNetCore.Mvc;

namespace Certifications.DevHost;

/// <summary>Answers what escapes a function as problem+json (400 for a malformed request, 500 otherwise), as the Functions host answers 500.</summary>
internal sealed partial class UnhandledErrors(RequestDelegate next, ILogger<UnhandledErrors> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (BadHttpRequestException e) when (!context.Response.HasStarted)
        {
            await Write(context, Problems.For(new Error(ErrorKind.Invalid, "Bad request", e.Message))).ConfigureAwait(false);
        }
        catch (Exception e) when (!context.Response.HasStarted && e is not OperationCanceledException)
        {
            LogFailed(logger, e, context.Request.Method, context.Request.Path);
            var problem = new ApiResult(StatusCodes.Status500InternalServerError, new Dictionary<string, object?>
            {
                ["type"] = "about:blank",
                ["title"] = "Internal server error",
                ["status"] = 500,
                ["detail"] = "Something went wrong on our side; nothing you sent was wrong. The error was logged.",
            }, Problems.ContentType);
            await Write(context, problem).ConfigureAwait(false);
        }
    }

    private static Task Write(HttpContext context, ApiResult result) =>
        result.ExecuteResultAsync(new ActionContext { HttpContext = context });

    [LoggerMessage(Level = LogLevel.Error, Message = "{Method} {Path} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, string method, string path);
}
