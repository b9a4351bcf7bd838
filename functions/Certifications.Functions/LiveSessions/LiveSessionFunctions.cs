using System.Globalization;
using System.Text.Json;
using Certifications.Domain.Common;
using Certifications.Domain.LiveSessions;
using Certifications.Functions.Http;
using Certifications.Functions.Http.OpenApi;
using Certifications.Functions.Identity;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Certifications.Functions.LiveSessions;

/// <summary>Live certification sessions: scheduling, the waiting room, calls, rating, and the calendar invitation.</summary>
[RequiresCertificationsAddOn]
public sealed class LiveSessionFunctions(LiveSessionService sessions, CoachReportUpload reports, Notifications.LiveSessionEmail email)
{
    [ApiRequest(typeof(ScheduleInput))]
    [ApiResponse(201, typeof(LiveSessionResponse))]
    [Function(nameof(ScheduleLiveSession))]
    public async Task<IActionResult> ScheduleLiveSession(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "live-sessions")] HttpRequest request, CancellationToken cancellationToken)
    {
        var caller = EndpointGate.CallerOf(request);
        return (await request.ReadJsonAsync<ScheduleInput>().BindAsync(input => sessions.ScheduleAsync(caller, input, cancellationToken)))
            .ToHttp(s => ApiResult.Created(LiveSessionResponse.From(s), $"/api/live-sessions/{s.Id}"));
    }

    [ApiResponse(200, typeof(ListResponse<LiveSessionResponse>))]
    [ApiQuery("from", "ISO 8601 start of the window")]
    [ApiQuery("to", "ISO 8601 end of the window")]
    [Function(nameof(ListLiveSessions))]
    public async Task<IActionResult> ListLiveSessions(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "live-sessions")] HttpRequest request, CancellationToken cancellationToken)
    {
        var (from, fromError) = Time(request, "from");
        var (to, toError) = Time(request, "to");
        if ((fromError ?? toError) is { } invalid)
        {
            return Problems.For(invalid);
        }

        return ListPaging.Answer(
            request, (await sessions.MineAsync(EndpointGate.CallerOf(request), from, to, cancellationToken))
                .Map(list => (IReadOnlyList<LiveSessionResponse>)[.. list.Select(s => LiveSessionResponse.From(s))]));
    }

    [ApiResponse(200, typeof(AvailabilityResponse))]
    [ApiQuery("coachId", "the coach whose day it is (default: the caller)")]
    [ApiQuery("date", "yyyy-MM-dd")]
    [ApiQuery("durationMinutes", "the length of the session")]
    [Function(nameof(LiveSessionAvailability))]
    public async Task<IActionResult> LiveSessionAvailability(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "live-sessions/availability")] HttpRequest request, CancellationToken cancellationToken)
    {
        var query = new AvailabilityQuery(request.Query["date"], request.Query["durationMinutes"]);
        return (await sessions.AvailabilityAsync(EndpointGate.CallerOf(request), request.Query["coachId"], query, cancellationToken))
            .ToHttp(a => ApiResult.Ok(AvailabilityResponse.From(a)));
    }

    [ApiResponse(200, typeof(LiveSessionResponse))]
    [Function(nameof(GetLiveSession))]
    public async Task<IActionResult> GetLiveSession(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "live-sessions/{id}")] HttpRequest request, string id, CancellationToken cancellationToken) =>
        (await sessions.GetAsync(EndpointGate.CallerOf(request), id, cancellationToken)).ToHttp(
            v => ApiResult.Ok(LiveSessionResponse.From(v.Session, v.History, v.Reviews) with
            {
                Skills = v.Criterion?.Skills,
                MinStars = v.Criterion?.MinStars,
            }));

    [ApiResponse(200, ContentType = "text/calendar", Description = "The invitation as iCalendar")]
    [Function(nameof(LiveSessionInvitation))]
    public async Task<IActionResult> LiveSessionInvitation(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "live-sessions/{id}/invite.ics")] HttpRequest request, string id,
            CancellationToken cancellationToken)
    {
        var caller = EndpointGate.CallerOf(request);
        var language = caller.User.LanguageIn(caller.Organization);
        return (await sessions.GetAsync(caller, id, cancellationToken)).ToHttp(v =>
            FileDownload.Bytes(System.Text.Encoding.UTF8.GetBytes(LiveSessionInvite.For(v.Session, email.Link(v.Session), language)),
                LiveSessionInvite.ContentType + "; charset=utf-8", "invite.ics"));
    }

    [ApiResponse(200, typeof(LiveSessionResponse))]
    [Function(nameof(JoinLiveSession))]
    public async Task<IActionResult> JoinLiveSession(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "live-sessions/{id}/join")] HttpRequest request, string id,
            CancellationToken cancellationToken) =>
        Answer(await sessions.JoinAsync(EndpointGate.CallerOf(request), id, cancellationToken));

    [ApiRequest(typeof(CallInput))]
    [ApiResponse(200, typeof(LiveSessionResponse))]
    [Function(nameof(StartLiveSession))]
    public async Task<IActionResult> StartLiveSession(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "live-sessions/{id}/start")] HttpRequest request, string id,
            CancellationToken cancellationToken)
    {
        var caller = EndpointGate.CallerOf(request);
        return Answer(await request.ReadJsonAsync<CallInput>().BindAsync(input => sessions.StartAsync(caller, id, input.CallType, cancellationToken)));
    }

    [ApiRequest(typeof(CallInput), Optional = true)]
    [ApiResponse(200, typeof(LiveSessionResponse))]
    [Function(nameof(AnotherLiveSessionCall))]
    public async Task<IActionResult> AnotherLiveSessionCall(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "live-sessions/{id}/calls")] HttpRequest request, string id,
            CancellationToken cancellationToken)
    {
        var caller = EndpointGate.CallerOf(request);
        return Answer(
            await request.ReadOptionalJsonAsync(new CallInput(null)).BindAsync(
            input => sessions.AnotherCallAsync(caller, id, input.CallType, cancellationToken)));
    }

    [ApiResponse(200, typeof(LiveSessionResponse))]
    [Function(nameof(EndLiveSession))]
    public async Task<IActionResult> EndLiveSession(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "live-sessions/{id}/end")] HttpRequest request, string id,
            CancellationToken cancellationToken) =>
        Answer(await sessions.EndAsync(EndpointGate.CallerOf(request), id, cancellationToken));

    [ApiResponse(200, typeof(LiveSessionResponse))]
    [Function(nameof(CancelLiveSession))]
    public async Task<IActionResult> CancelLiveSession(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "live-sessions/{id}/cancel")] HttpRequest request, string id,
            CancellationToken cancellationToken) =>
        Answer(await sessions.CancelAsync(EndpointGate.CallerOf(request), id, cancellationToken));

    [ApiResponse(200, typeof(LiveSessionResponse))]
    [Function(nameof(LiveSessionNoShow))]
    public async Task<IActionResult> LiveSessionNoShow(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "live-sessions/{id}/no-show")] HttpRequest request, string id,
            CancellationToken cancellationToken) =>
        Answer(await sessions.NoShowAsync(EndpointGate.CallerOf(request), id, cancellationToken));

    /// <summary>JSON, or multipart with the rating as JSON in the <c>rating</c> field and an optional <c>report</c> file.</summary>
    [ApiRequest(ContentType = "multipart/form-data", FormFields = ["rating", "report"])]
    [ApiResponse(200, typeof(LiveSessionResponse))]
    [Function(nameof(RateLiveSession))]
    public async Task<IActionResult> RateLiveSession(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "live-sessions/{id}/rating")] HttpRequest request, string id,
        [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var caller = EndpointGate.CallerOf(request);
        if (!request.HasFormContentType)
        {
            return Answer(
                await request.ReadJsonAsync<RatingInput>().BindAsync(input => sessions.RateAsync(caller, id, input, null, durable, cancellationToken)));
        }

        var read = await request.ReadFormAsync(CoachReportUpload.MaxBytes + (64 * 1024), "A coach report may be at most 10 MB.");
        if (!read.IsSuccess)
        {
            return Problems.For(read.Error!);
        }

        var form = read.Value;
        RatingInput? input;
        try
        {
            input = JsonSerializer.Deserialize<RatingInput>(form["rating"].ToString() is { Length: > 0 } json ? json : "null", ApiJson.Options);
        }
        catch (JsonException e)
        {
            return Problems.For(Error.Invalid("rating", $"must be the rating as JSON: {e.Message}"));
        }

        if (input is null)
        {
            return Problems.For(Error.Invalid("rating", "is required: { \"skills\": [ { \"skill\", \"stars\" } ], \"comments\", \"feedback\" }."));
        }

        var file = CoachReportUpload.Check(form.Files["report"]);
        if (!file.IsSuccess)
        {
            return Problems.For(file.Error!);
        }

        Func<LiveSession, Task<string?>>? save = file.Value is { } report ? async s => await reports.SaveAsync(s, report, cancellationToken) : null;
        return Answer(await sessions.RateAsync(caller, id, input, save, durable, cancellationToken));
    }

    private static IActionResult Answer(Result<LiveSession> result) => result.ToHttp(s => ApiResult.Ok(LiveSessionResponse.From(s)));

    private static (DateTimeOffset? At, Error? Invalid) Time(HttpRequest request, string name) =>
        request.Query[name].ToString() is not { Length: > 0 } text ? (null, null)
        : DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? (at, null)
        : (null, Error.Invalid(name, "must be an ISO 8601 time."));
}

/// <summary>The call type a coach picks when starting a call.</summary>
public sealed record CallInput(string? CallType);
