using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Certifications.DevHost;
using Certifications.Domain.People;

namespace Certifications.Functions.Tests.Fixtures;

/// <summary>
/// An organization with a coach, a learner on the coach's team, and a published certification of the criteria a test
/// names; with the learner's, coach's and admin's steps through the API, and a wait for the workflow to act.
/// </summary>
public sealed class WorkflowScenario : IDisposable
{
    private WorkflowScenario(TestOrganization org, User coach, User learner, string certificationId, JsonNode certification)
    {
        Org = org;
        Coach = coach;
        Learner = learner;
        CertificationId = certificationId;
        Certification = certification;
        AsAdmin = org.AsAdmin();
        AsCoach = org.As(coach);
        AsLearner = org.As(learner);
    }

    public TestOrganization Org { get; }

    public User Coach { get; }

    public User Learner { get; }

    public string CertificationId { get; }

    public JsonNode Certification { get; }

    public HttpClient AsAdmin { get; }

    public HttpClient AsCoach { get; }

    public HttpClient AsLearner { get; }

    public string? EnrollmentId { get; private set; }

    /// <summary>Content "Read the guide" (LMS activity "guide"), activity "Upload a role-play" (evidence), review "Coach observes a call".</summary>
    public static object[] EveryManualKind =>
    [
        new { kind = "content", title = "Read the guide", externalActivityId = "guide" },
        new { kind = "activity", title = "Upload a role-play", evidenceRequired = true },
        new { kind = "review", title = "Coach observes a call" },
    ];

    public static async Task<WorkflowScenario> CreateAsync(
        DevHostApp host, bool requireApproval, object[] criteria, string learnerName = "Lena Learner", string title = "Customer Conversations")
    {
        var org = await TestOrganization.CreateAsync(host);
        var group = await org.AddGroupAsync("Sales");
        var coach = await org.AddUserAsync("Carla Coach", Role.Coach);
        var learner = await org.AddUserAsync(learnerName, Role.Learner, [group], coach.Id);
        using var admin = org.AsAdmin();
        var created = await (await admin.PostAsJsonAsync("certifications", new { title, requireApproval, validityMonths = 12, criteria })).Json();
        var id = created["id"]!.GetValue<string>();
        (await admin.PostAsync($"certifications/{id}/publish", null)).EnsureSuccessStatusCode();
        (await admin.PutAsJsonAsync($"certifications/{id}/view-access", new { groupIds = new[] { group } })).EnsureSuccessStatusCode();
        return new WorkflowScenario(org, coach, learner, id, created);
    }

    /// <summary>The same scenario, called through another dev host.</summary>
    public WorkflowScenario On(DevHostApp host) => new(Org.On(host), Coach, Learner, CertificationId, Certification) { EnrollmentId = EnrollmentId };

    public string Criterion(string title) =>
        Certification["criteria"]!.AsArray().First(c => c!["title"]!.GetValue<string>() == title)!["id"]!.GetValue<string>();

    public async Task<string> SelfEnrollAsync()
    {
        var enrolled = await AsLearner.PostAsync($"certifications/{CertificationId}/enrollments", null);
        enrolled.EnsureSuccessStatusCode();
        EnrollmentId = (await enrolled.Json())["enrollmentId"]!.GetValue<string>();
        return EnrollmentId;
    }

    public async Task<JsonNode> DetailAsync(HttpClient? client = null) => await (await (client ?? AsAdmin).GetAsync($"enrollments/{EnrollmentId}")).Json();

    public Task<HttpResponseMessage> CompleteAsync(string criterion) =>
        AsLearner.PostAsync($"enrollments/{EnrollmentId}/criteria/{Criterion(criterion)}/complete", null);

    public Task<HttpResponseMessage> UploadAsync(string criterion, string text, byte[]? file = null, string contentType = "application/pdf")
    {
        var form = new MultipartFormDataContent { { new StringContent(text), "text" } };
        if (file is not null)
        {
            var part = new ByteArrayContent(file);
            part.Headers.ContentType = new MediaTypeHeaderValue(contentType);
            form.Add(part, "file", "role-play.pdf");
        }

        return AsLearner.PostAsync($"enrollments/{EnrollmentId}/criteria/{Criterion(criterion)}/evidence", form);
    }

    public Task<HttpResponseMessage> SubmitAsync() => AsLearner.PostAsync($"enrollments/{EnrollmentId}/submit", null);

    public Task<HttpResponseMessage> ReviewAsync(string criterion, string decision, string? feedback = "Well done.", HttpClient? reviewer = null) =>
        (reviewer ?? AsCoach).PostAsJsonAsync($"enrollments/{EnrollmentId}/criteria/{Criterion(criterion)}/reviews", new { decision, rating = 4, feedback });

    public Task<HttpResponseMessage> DecideAsync(string decision, string? comment, HttpClient? approver = null) =>
        (approver ?? AsCoach).PostAsJsonAsync($"enrollments/{EnrollmentId}/approval", new { decision, comment });

    /// <summary>Polls the record until the workflow has moved it to what the test expects, or fails after a deadline.</summary>
    public async Task<JsonNode> WaitUntilAsync(Func<JsonNode, bool> done, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTimeOffset.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        JsonNode detail;
        do
        {
            detail = await DetailAsync();
            if (done(detail))
            {
                return detail;
            }

            await Task.Delay(200);
        }
        while (DateTimeOffset.UtcNow < deadline);
        throw new TimeoutException($"Waited for {what}; the record is {detail.ToJsonString()}");
    }

    /// <summary>Waits for the blob trigger to render the enrollment's certificate; its metadata as the admin reads it.</summary>
    public async Task<JsonNode> RenderedCertificateAsync()
    {
        var id = (await WaitUntilAsync(d => d["certificateId"] is not null, "a certificate id"))["certificateId"]!.GetValue<string>();
        JsonNode certificate = null!;
        await Eventually.WaitUntilAsync(async () =>
        {
            var answer = await AsAdmin.GetAsync($"certificates/{id}");
            certificate = answer.IsSuccessStatusCode ? await answer.Json() : certificate;
            return certificate?["downloadUrl"] is not null;
        }, "the rendered PDF");
        return certificate;
    }

    public Task<JsonNode> WaitForStatusAsync(string status) => WaitUntilAsync(d => d["status"]!.GetValue<string>() == status, status);

    public void Dispose()
    {
        AsAdmin.Dispose();
        AsCoach.Dispose();
        AsLearner.Dispose();
    }
}
