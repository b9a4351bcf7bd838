using System.Text.Json;
using Certifications.Domain.Catalog;
using Certifications.Domain.Common;
using Certifications.Domain.Organizations;
using Certifications.Domain.Policies;
using Certifications.Domain.Progress;
using Certifications.Functions.Http;
using Certifications.Functions.Progress;
using Certifications.Storage.Catalog;
using Certifications.Storage.Common;
using Certifications.Storage.Enrollments;
using Certifications.Storage.Organizations;
using Certifications.Storage.People;
using Certifications.Storage.Webhooks;
using Microsoft.DurableTask.Client;

namespace Certifications.Functions.Webhooks;

/// <summary>
/// LMS completions: checked against the organization's signing secret, applied to every active enrollment of the
/// learner whose criteria listen for the activity, and recorded by webhook-id. A redelivery is answered from the
/// record; applying a completion twice changes nothing anyway, so even two deliveries racing give one effect.
/// Deliveries about learners or activities we do not know are acknowledged and recorded, never failed: an LMS
/// retries failures forever. The organization (and so its secret) is cached for up to 30 seconds per instance.
/// </summary>
public sealed class LmsWebhookService(
    OrganizationRepository organizations, CertificationRepository certifications, DirectoryRepository directory, EnrollmentRepository enrollments,
    WebhookDeliveryRepository deliveries, ProgressService progress, TimeProvider clock)
{
    public const int MaxBodyBytes = 64 * 1024;

    /// <summary>Up to this many certifications listening for one activity are read point by point; more, by the learner's list.</summary>
    private const int MaxPointReads = 4;

    /// <summary>The organization's verified deliveries, newest first, for a super admin setting up the LMS.</summary>
    public async Task<Result<ListResponse<WebhookDeliveryResponse>>> RecentAsync(Caller caller, ListQuery query, CancellationToken cancellationToken)
    {
        if (!caller.IsSuperAdmin)
        {
            return Error.Forbidden("Only a super admin can see the LMS deliveries.");
        }

        var page = await deliveries.RecentAsync(caller.OrganizationId, query.PageSize, query.ContinuationToken, cancellationToken).ConfigureAwait(false);
        return new ListResponse<WebhookDeliveryResponse>([.. page.Items.Select(WebhookDeliveryResponse.From)], page.ContinuationToken);
    }

    public async Task<Result<LmsWebhookResponse>> ReceiveAsync(
        string organizationId, WebhookHeaders headers, byte[] body, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var organization = Ids.IsWellFormed(organizationId, Ids.Organization)
            ? await organizations.GetCachedAsync(organizationId, cancellationToken).ConfigureAwait(false)
            : null;
        if (organization is null)
        {
            return Error.NotFound("The organization");
        }

        var now = clock.GetUtcNow();
        if (organization.WebhookSecretsAt(now) is not { Count: > 0 } secrets)
        {
            return Unauthorized("This organization has no webhook secret; a super admin sets one in the organization settings.");
        }

        var verdict = WebhookSignature.Verify(secrets, headers.Id, headers.Timestamp, headers.Signature, body, now);
        if (verdict != WebhookVerdict.Valid)
        {
            return Unauthorized(verdict switch
            {
                WebhookVerdict.MissingHeaders => "Send the webhook-id, webhook-timestamp and webhook-signature headers.",
                WebhookVerdict.OutsideTolerance => $"The webhook-timestamp is more than {WebhookSignature.Tolerance.TotalMinutes} minutes from now.",
                _ => "The webhook-signature does not match the body and the organization's secret.",
            });
        }

        if (!organization.CertificationsEnabled)
        {
            return Error.AddOnDisabled();
        }

        var webhookId = headers.Id!;
        if (webhookId.Length > RowKeys.MaxSourceLength)
        {
            return Error.Invalid("webhook-id", $"must be at most {RowKeys.MaxSourceLength} characters.");
        }

        var payload = Parse(body, clock.GetUtcNow());
        if (!payload.IsSuccess)
        {
            return payload.Error!;
        }

        // Applied first and recorded after: a completion applied twice changes nothing, so a redelivery is simply
        // applied again (to no effect) and answered from the first delivery's record, and a crash between the two
        // steps loses nothing. The common case, a first delivery, costs no lookup.
        var delivery = await ApplyAsync(organizationId, webhookId, payload.Value, durable, cancellationToken).ConfigureAwait(false);
        if (await deliveries.TryRecordAsync(organizationId, delivery, cancellationToken).ConfigureAwait(false))
        {
            await deliveries.AddToRecentAsync(organizationId, delivery, cancellationToken).ConfigureAwait(false);
            return new LmsWebhookResponse(webhookId, delivery.Outcome, Duplicate: false, delivery.CompletedEnrollments);
        }

        var first = await deliveries.GetAsync(organizationId, webhookId, cancellationToken).ConfigureAwait(false) ?? delivery;
        return new LmsWebhookResponse(webhookId, first.Outcome, Duplicate: true, first.CompletedEnrollments);
    }

    private async Task<WebhookDelivery> ApplyAsync(
        string organizationId, string webhookId, LmsWebhookPayload payload, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var activityId = payload.ActivityId!;
        if (payload.Type != LmsWebhookPayload.ActivityCompleted)
        {
            return new WebhookDelivery(webhookId, now, null, activityId, $"ignored: type '{payload.Type}' is not handled", []);
        }

        var learnerId = await FindLearnerAsync(organizationId, payload.Learner!, cancellationToken).ConfigureAwait(false);
        if (learnerId is null)
        {
            return new WebhookDelivery(webhookId, now, null, activityId, "unknown learner", []);
        }

        var completion = new LmsCompletion(activityId, payload.CompletedAt ?? now, payload.Score);
        var known = false;
        var completed = new List<string>();
        async Task<bool> ApplyToAsync(Certification certification)
        {
            var applied = await progress.ApplyAsSystemAsync(certification, learnerId, (enrollment, current, at) =>
            {
                known |= completion.IsKnownTo(current);
                return completion.ApplyTo(enrollment, current, at);
            }, durable, cancellationToken).ConfigureAwait(false);
            if (applied is { IsSuccess: true, Value.Changed: true })
            {
                completed.Add(applied.Value.Enrollment.Id);
            }

            return applied.IsSuccess;
        }

        // The few certifications that listen for the activity are read point by point, without a query. Only when the
        // learner is enrolled in none of them (or many listen) is the learner's own list asked, which also finds a
        // certification created on another instance since the cached list was read.
        var listening = (await certifications.ListCachedAsync(organizationId, cancellationToken).ConfigureAwait(false) ?? [])
            .Where(completion.IsKnownTo).ToList();
        var tried = new HashSet<string>(StringComparer.Ordinal);
        var enrolled = false;
        if (listening.Count <= MaxPointReads)
        {
            foreach (var certification in listening)
            {
                tried.Add(certification.Id);
                enrolled |= await ApplyToAsync(certification).ConfigureAwait(false);
            }
        }

        if (!enrolled)
        {
            foreach (var certificationId in await enrollments.AllLearnerCertificationIdsAsync(
                organizationId, learnerId, cancellationToken).ConfigureAwait(false))
            {
                if (!tried.Contains(certificationId)
                    && await certifications.GetCachedAsync(organizationId, certificationId, cancellationToken).ConfigureAwait(false) is { } certification)
                {
                    await ApplyToAsync(certification).ConfigureAwait(false);
                }
            }
        }

        var outcome = completed.Count > 0 ? "completed" : known ? "nothing to complete (already met, score too low, or not enrolled)" : "unknown activity";
        return new WebhookDelivery(webhookId, now, learnerId, activityId, outcome, completed);
    }

    private async Task<string?> FindLearnerAsync(string organizationId, LmsWebhookPayload.LearnerRef learner, CancellationToken cancellationToken) =>
        learner.Email is { Length: > 0 } email
            ? await directory.FindUserIdByEmailCachedAsync(organizationId, email.Trim().ToLowerInvariant(), cancellationToken).ConfigureAwait(false)
            : await directory.FindUserIdByExternalIdAsync(organizationId, learner.ExternalId!, cancellationToken).ConfigureAwait(false);

    private static Result<LmsWebhookPayload> Parse(byte[] body, DateTimeOffset now)
    {
        LmsWebhookPayload? payload;
        try
        {
            payload = JsonSerializer.Deserialize<LmsWebhookPayload>(body, ApiJson.Tolerant);
        }
        catch (JsonException e)
        {
            return Error.Invalid($"The body is not valid JSON for an LMS completion: {e.Message}");
        }

        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(payload?.Type))
        {
            errors.Add("type", $"is required, e.g. '{LmsWebhookPayload.ActivityCompleted}'.");
        }

        errors.RequireText("activityId", payload?.ActivityId, RowKeys.MaxSourceLength);
        errors.RequireText("learner.externalId", payload?.Learner?.ExternalId, RowKeys.MaxSourceLength, required: false);
        errors.RequireText("learner.email", payload?.Learner?.Email, 254, required: false);

        if (string.IsNullOrWhiteSpace(payload?.Learner?.Email) && string.IsNullOrWhiteSpace(payload?.Learner?.ExternalId))
        {
            errors.Add("learner", "needs an email or an externalId.");
        }

        errors.RequireRange("score", payload?.Score, 0, 100);
        if (payload?.CompletedAt is { } completedAt)
        {
            errors.RequirePast("completedAt", completedAt, now);
        }

        return errors.Any ? errors.ToError() : payload!;
    }

    private static Error Unauthorized(string detail) => new(ErrorKind.Unauthorized, "Webhook not authenticated", detail);
}

/// <summary>The Standard Webhooks headers of a delivery.</summary>
public sealed record WebhookHeaders(string? Id, string? Timestamp, string? Signature);
