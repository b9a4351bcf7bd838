using Certifications.Domain.Common;
using Certifications.Domain.People;
using Certifications.Domain.Policies;
using Certifications.Functions.Http;
using Certifications.Functions.Http.OpenApi;
using Certifications.Functions.Identity;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Certifications.Functions.People;

/// <summary>Users, groups, CSV import and /me.</summary>
public sealed class PeopleFunctions(DirectoryService directory, UserImport import)
{
    private const long MaxImportBytes = 2 * 1024 * 1024;

    [ApiRequest(typeof(UserInput))]
    [ApiResponse(201, typeof(UserResponse))]
    [Function(nameof(CreateUser))]
    public async Task<IActionResult> CreateUser(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "users")] HttpRequest request, CancellationToken cancellationToken)
    {
        var caller = EndpointGate.CallerOf(request);
        var result = await request.ReadJsonAsync<UserInput>().BindAsync(input => directory.CreateUserAsync(caller, input, cancellationToken));
        return result.ToHttp(u => ApiResult.Created(UserResponse.From(u.Value), $"/api/users/{u.Value.Id}", u.PublicETag));
    }

    [ApiResponse(200, typeof(ListResponse<UserResponse>))]
    [ApiQuery("include", "'disabled' to list disabled users too")]
    [ApiQuery("search", "a part of the name or e-mail, ignoring case and accents; a page may then hold fewer than pageSize")]
    [ApiQuery("pageSize", "how many items a page holds")]
    [ApiQuery("continuationToken", "the token of the previous page, for the next one")]
    [Function(nameof(ListUsers))]
    public async Task<IActionResult> ListUsers(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "users")] HttpRequest request, CancellationToken cancellationToken)
    {
        var caller = EndpointGate.CallerOf(request);
        var includeDisabled = string.Equals(request.Query["include"], "disabled", StringComparison.OrdinalIgnoreCase);
        var search = request.Query["search"].ToString().Trim();
        if (!SearchText.IsAcceptable(search))
        {
            return Problems.For(Error.Invalid("search", SearchText.Rule));
        }

        var result = await ListQuery.From(request).BindAsync(
            q => directory.ListUsersAsync(caller, q.PageSize, q.ContinuationToken, includeDisabled, cancellationToken));
        return result.ToHttp(page => ApiResult.Ok(new ListResponse<UserResponse>(
            [.. page.Items.Where(u => search.Length == 0 || SearchText.Contains(u.DisplayName, search) || SearchText.Contains(u.Email, search))
                .Select(UserResponse.From)],
            page.ContinuationToken)));
    }

    [ApiResponse(200, typeof(UserResponse))]
    [Function(nameof(GetUser))]
    public async Task<IActionResult> GetUser(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "users/{id}")] HttpRequest request, string id, CancellationToken cancellationToken)
    {
        var result = await directory.GetUserAsync(EndpointGate.CallerOf(request), id, cancellationToken);
        return result.ToHttp(u => ApiResult.Ok(UserResponse.From(u.Value), u.PublicETag));
    }

    [ApiRequest(typeof(UserInput))]
    [ApiResponse(200, typeof(UserResponse))]
    [Function(nameof(UpdateUser))]
    public async Task<IActionResult> UpdateUser(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "users/{id}")] HttpRequest request, string id, CancellationToken cancellationToken)
    {
        var caller = EndpointGate.CallerOf(request);
        var result = await request.ReadJsonAsync<UserInput>(async () =>
                await directory.GetUserAsync(caller, id, cancellationToken) is { IsSuccess: true } shown ? UserResponse.From(shown.Value.Value) : null)
            .BindAsync(input => directory.UpdateUserAsync(caller, id, input, request.IfMatch(), cancellationToken));
        return result.ToHttp(u => ApiResult.Ok(UserResponse.From(u.Value), u.PublicETag));
    }

    [ApiResponse(200, typeof(UserResponse))]
    [Function(nameof(DisableUser))]
    public async Task<IActionResult> DisableUser(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "users/{id}")] HttpRequest request, string id, CancellationToken cancellationToken) =>
        (await directory.SetDisabledAsync(EndpointGate.CallerOf(request), id, disabled: true, cancellationToken)).ToHttp(
            u => ApiResult.Ok(UserResponse.From(u.Value), u.PublicETag));

    [ApiResponse(200, typeof(UserResponse))]
    [Function(nameof(EnableUser))]
    public async Task<IActionResult> EnableUser(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "users/{id}/enable")] HttpRequest request, string id, CancellationToken cancellationToken) =>
        (await directory.SetDisabledAsync(EndpointGate.CallerOf(request), id, disabled: false, cancellationToken)).ToHttp(
            u => ApiResult.Ok(UserResponse.From(u.Value), u.PublicETag));

    [ApiResponse(200, typeof(UserResponse))]
    [Function(nameof(ResendInvitation))]
    public async Task<IActionResult> ResendInvitation(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "users/{id}/invitation")] HttpRequest request, string id,
            CancellationToken cancellationToken) =>
        (await directory.ResendInvitationAsync(EndpointGate.CallerOf(request), id, cancellationToken)).ToHttp(
            u => ApiResult.Ok(UserResponse.From(u.Value), u.PublicETag));

    /// <summary>The first sign-in through an invitation link: binds the account that signed in to the invited user.</summary>
    [SignInEndpoint]
    [ApiResponse(200, typeof(UserResponse))]
    [Function(nameof(AcceptInvitation))]
    public async Task<IActionResult> AcceptInvitation(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "invitations/{token}/accept")] HttpRequest request, string token,
            CancellationToken cancellationToken) =>
        (await directory.AcceptInvitationAsync(EndpointGate.IdentityOf(request), token, cancellationToken)).ToHttp(u => ApiResult.Ok(UserResponse.From(u)));

    [ApiResponse(200, ContentType = "text/csv", Description = "The columns an import reads, with one example row")]
    [Function(nameof(UserImportTemplate))]
    public IActionResult UserImportTemplate(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "users/import/template")] HttpRequest request) =>
        DirectoryService.RequireAdmin(EndpointGate.CallerOf(request)) is { } forbidden
            ? Problems.For(forbidden)
            : new CsvDownload("users-template.csv", (body, ct) => body.WriteAsync(System.Text.Encoding.UTF8.GetBytes(UserImport.Template), ct).AsTask());

    [ApiRequest(ContentType = "text/csv")]
    [ApiResponse(200, typeof(ImportReport))]
    [Function(nameof(ImportUsers))]
    public async Task<IActionResult> ImportUsers(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "users/import")] HttpRequest request, CancellationToken cancellationToken)
    {
        var caller = EndpointGate.CallerOf(request);
        var csv = await CsvBodyAsync(request, cancellationToken);
        if (!csv.IsSuccess)
        {
            return Problems.For(csv.Error!);
        }

        await using var body = csv.Value;
        var result = await import.ImportAsync(caller, body, cancellationToken);
        if (!result.IsSuccess || result.Value.Failed == 0)
        {
            return result.ToHttp();
        }

        var report = result.Value;
        return Problems.For(new Error(ErrorKind.Invalid, "Some rows were not imported",
            $"{report.Failed} of {report.Rows.Count} rows have errors and were not imported; the other {report.Created + report.Updated} were.")
        {
            Fields = report.Rows.Where(r => r.Errors is not null).ToDictionary(r => $"line {r.Line}", r => r.Errors!.ToArray()),
            Extensions = new Dictionary<string, object?>
            {
                ["created"] = report.Created,
                ["updated"] = report.Updated,
                ["failed"] = report.Failed,
                ["rows"] = report.Rows
            },
        });
    }

    [ApiRequest(typeof(GroupInput))]
    [ApiResponse(201, typeof(GroupResponse))]
    [Function(nameof(CreateGroup))]
    public async Task<IActionResult> CreateGroup(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "groups")] HttpRequest request, CancellationToken cancellationToken)
    {
        var caller = EndpointGate.CallerOf(request);
        var result = await request.ReadJsonAsync<GroupInput>().BindAsync(input => directory.CreateGroupAsync(caller, input, cancellationToken));
        return result.ToHttp(g => ApiResult.Created(GroupResponse.From(g), $"/api/groups/{g.Id}"));
    }

    [ApiResponse(200, typeof(ListResponse<GroupResponse>))]
    [Function(nameof(ListGroups))]
    public async Task<IActionResult> ListGroups(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "groups")] HttpRequest request, CancellationToken cancellationToken)
    {
        var result = await directory.ListGroupsAsync(EndpointGate.CallerOf(request), cancellationToken);
        return ListPaging.Answer(request, result.Map(groups => (IReadOnlyList<GroupResponse>)[.. groups.Select(GroupResponse.From)]));
    }

    [ApiResponse(200, typeof(ListResponse<UserResponse>))]
    [Function(nameof(MyTeam))]
    public async Task<IActionResult> MyTeam(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "me/team")] HttpRequest request, CancellationToken cancellationToken) =>
        ListPaging.Answer(
            request, (await directory.TeamAsync(EndpointGate.CallerOf(request), cancellationToken))
                .Map(team => (IReadOnlyList<UserResponse>)[.. team.Select(UserResponse.From)]));

    [ApiResponse(200, typeof(MeResponse))]
    [Function(nameof(GetMe))]
    public IActionResult GetMe(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "me")] HttpRequest request)
    {
        var caller = EndpointGate.CallerOf(request);
        return ApiResult.Ok(Me(caller.User, caller));
    }

    /// <summary>What anyone signed in sets for themselves: the language they read the product in (null: the organization's).</summary>
    [ApiRequest(typeof(PreferencesInput))]
    [ApiResponse(200, typeof(MeResponse))]
    [Function(nameof(SetMyPreferences))]
    public async Task<IActionResult> SetMyPreferences(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "me/preferences")] HttpRequest request, CancellationToken cancellationToken)
    {
        var caller = EndpointGate.CallerOf(request);
        return (await request.ReadJsonAsync<PreferencesInput>().BindAsync(input => directory.SetPreferencesAsync(caller, input, cancellationToken)))
            .ToHttp(user => ApiResult.Ok(Me(user, caller)));
    }

    private static MeResponse Me(User user, Caller caller) => new(
        UserResponse.From(user), caller.OrganizationId, caller.Organization.Name, caller.Organization.CertificationsEnabled,
        user.LanguageIn(caller.Organization), caller.Organization.Language);

    /// <summary>The CSV from a text/csv body or the first file of a multipart form.</summary>
    private static async Task<Result<Stream>> CsvBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxImportBytes)
        {
            return new Error(ErrorKind.PayloadTooLarge, "File too large", "An import file may be at most 2 MB.");
        }

        if (request.HasFormContentType)
        {
            var read = await request.ReadFormAsync(MaxImportBytes + (16 * 1024), "An import file may be at most 2 MB.");
            if (!read.IsSuccess)
            {
                return read.Error!;
            }

            var form = read.Value;
            return form.Files.Count == 0
                ? Error.Invalid("file", "attach the CSV file as a form field named 'file'.")
                : form.Files[0].Length > MaxImportBytes ? new Error(
                    ErrorKind.PayloadTooLarge, "File too large", "An import file may be at most 2 MB.") : form.Files[0].OpenReadStream();
        }

        if (request.ContentType is { } type && !type.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase)
            && !type.StartsWith("text/plain", StringComparison.OrdinalIgnoreCase))
        {
            return new Error(
                ErrorKind.UnsupportedMediaType, "Unsupported media type", "Send the users as text/csv or as a multipart form with a 'file' field.");
        }

        // Buffer a bounded copy: CsvHelper reads synchronously in places, and Kestrel refuses synchronous body reads.
        var buffer = new MemoryStream();
        try
        {
            await new LimitedStream(request.Body, MaxImportBytes).CopyToAsync(buffer, cancellationToken);
        }
        catch (LimitedStream.TooLargeException)
        {
            await buffer.DisposeAsync();
            return new Error(ErrorKind.PayloadTooLarge, "File too large", "An import file may be at most 2 MB.");
        }

        buffer.Position = 0;
        return buffer;
    }
}
