using Certifications.Storage.Webhooks;

namespace Certifications.Functions.Webhooks;

/// <summary>One LMS delivery as the settings page lists it: when, which activity, and what it did.</summary>
public sealed record WebhookDeliveryResponse(
    string WebhookId, DateTimeOffset ReceivedAt, string ActivityId, string Outcome, string? LearnerId, int CompletedEnrollments)
{
    public static WebhookDeliveryResponse From(WebhookDelivery d) =>
        new(d.WebhookId, d.ReceivedAt, d.ActivityId, d.Outcome, d.LearnerId, d.CompletedEnrollments.Count);
}
