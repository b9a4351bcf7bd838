namespace Certifications.Functions.Webhooks;

/// <summary>The body an LMS posts: "this learner completed this activity", with a score when it has one.</summary>
public sealed record LmsWebhookPayload(string? Type, LmsWebhookPayload.LearnerRef? Learner, string? ActivityId, DateTimeOffset? CompletedAt, int? Score)
{
    public const string ActivityCompleted = "activity.completed";

    /// <summary>How the LMS names the learner: our e-mail, or the id it gave us in the user import.</summary>
    public sealed record LearnerRef(string? Email, string? ExternalId);
}

/// <summary>What a delivery did, as the LMS is told.</summary>
public sealed record LmsWebhookResponse(string WebhookId, string Outcome, bool Duplicate, IReadOnlyList<string> CompletedEnrollments);
