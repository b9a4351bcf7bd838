using Certifications.Domain.Certificates;
using Certifications.Domain.Enrollments;
using Certifications.Domain.People;
using Certifications.Domain.Progress;
using Certifications.Functions.Certificates;
using Certifications.Functions.Notifications;
using Certifications.Storage.Catalog;
using Certifications.Storage.Certificates;
using Certifications.Storage.Common;
using Certifications.Storage.Delivery;
using Certifications.Storage.Enrollments;
using Certifications.Storage.Organizations;
using Certifications.Storage.People;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Certifications.Functions.Workflow;

/// <summary>
/// The workflow's side effects. Each re-reads the record (the table is the truth) and is safe to run twice:
/// the engine may retry an activity, and a host that dies mid-activity runs it again on restart.
/// </summary>
public sealed class WorkflowActivities(
    EnrollmentRepository enrollments, CertificationRepository certifications, OrganizationRepository organizations,
    DirectoryRepository directory, CertificateRepository certificates, CertificateDelivery delivery, UndeliveredAwards undelivered,
    WorkflowEmail email, IEmailSender mail, RecipientLanguages languages, TimeProvider clock, ILogger<WorkflowActivities> logger)
{
    /// <summary>
    /// Reads the record and takes the step the rules call for that needs no waiting: asks for approval, or issues the
    /// certificate. Answers what the workflow waits for next. One activity for the three, so each signal costs one
    /// round trip through the engine. Conditional writes: a lost race reads the record again and decides anew.
    /// </summary>
    [Function(nameof(AdvanceEnrollment))]
    public async Task<AdvanceOutcome> AdvanceEnrollment([ActivityTrigger] EnrollmentRef enrollment, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var (record, certification) = await LoadAsync(enrollment, cancellationToken).ConfigureAwait(false);
            var next = WorkflowSteps.Next(record?.Value, certification);
            var view = new AdvanceOutcome(next, record?.Value.DueDate, record?.Value.ApprovalRequestedAt);
            var taken = next switch
            {
                WorkflowNext.RequestApproval => await RequestApprovalAsync(record!, certification!, cancellationToken).ConfigureAwait(false),
                WorkflowNext.Award or WorkflowNext.Done => await IssueCertificateAsync(record!, certification!, cancellationToken).ConfigureAwait(false),
                _ => view,
            };
            if (taken is not null)
            {
                return taken;
            }

            if (attempt == 2)
            {
                // Still racing: whoever keeps changing the record signals again, and the next turn decides.
                return view with { Next = WorkflowNext.WaitForProgress };
            }
        }
    }

    [Function(nameof(RemindReviewers))]
    public async Task RemindReviewers([ActivityTrigger] EnrollmentRef enrollment, CancellationToken cancellationToken)
    {
        var (record, certification) = await LoadAsync(enrollment, cancellationToken).ConfigureAwait(false);
        if (record is not null && WorkflowSteps.Next(record.Value, certification) == WorkflowNext.WaitForApproval)
        {
            await NotifyReviewersAsync(record.Value, certification!, reminder: true, cancellationToken).ConfigureAwait(false);
        }
    }

    [Function(nameof(RemindLearner))]
    public async Task RemindLearner([ActivityTrigger] DueReminderRequest request, CancellationToken cancellationToken)
    {
        var (record, certification) = await LoadAsync(request.Enrollment, cancellationToken).ConfigureAwait(false);
        if (record is not null && WorkflowSteps.Next(record.Value, certification) is WorkflowNext.WaitForProgress or WorkflowNext.WaitForApproval)
        {
            var language = await languages.OfAsync(record.Value.OrganizationId, record.Value.LearnerId, cancellationToken).ConfigureAwait(false);
            await mail.SendAsync([email.DueReminder(record.Value, certification!, request.Kind, language)], cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Marks the record as awaiting approval and tells the learner's coach and the admins; null on a lost race.</summary>
    private async Task<AdvanceOutcome?> RequestApprovalAsync(
        Versioned<Enrollment> record, Domain.Catalog.Certification certification, CancellationToken cancellationToken)
    {
        var requested = WorkflowSteps.RequestApproval(record.Value, clock.GetUtcNow());
        if (!(await enrollments.UpdateAsync(record, requested, cancellationToken).ConfigureAwait(false)).IsSuccess)
        {
            return null;
        }

        await NotifyReviewersAsync(requested, certification, reminder: false, cancellationToken).ConfigureAwait(false);
        return new AdvanceOutcome(WorkflowNext.WaitForApproval, requested.DueDate, requested.ApprovalRequestedAt);
    }

    /// <summary>
    /// Awards the certificate: claims a certificate id on the record first (conditional write; a recertified record
    /// keeps its id), then writes the certificate record and the render request under that id (the renderer sends the
    /// learner the PDF). A retry finds the id claimed and the record written, and only writes the render request again
    /// while the PDF is missing, so one earned enrollment never gets two certificates. Null on a lost race.
    /// </summary>
    private async Task<AdvanceOutcome?> IssueCertificateAsync(
        Versioned<Enrollment> record, Domain.Catalog.Certification certification, CancellationToken cancellationToken)
    {
        var earned = record.Value;
        var awardedNow = earned.EarnedAt is null;
        if (awardedNow)
        {
            earned = WorkflowSteps.Award(earned, earned.CertificateId ?? Certificate.NewId(), clock.GetUtcNow());
            if (!(await enrollments.UpdateAsync(record, earned, cancellationToken).ConfigureAwait(false)).IsSuccess)
            {
                return null;
            }
        }

        // Only a retry can find this award's certificate written already; a fresh award writes it without looking.
        var certificateId = earned.CertificateId!;
        var existing = awardedNow ? null : (await certificates.GetAsync(certificateId, cancellationToken).ConfigureAwait(false))?.Value;
        if (existing is null || existing.IssuedAt != earned.EarnedAt)
        {
            // New, or earned again after a revocation or expiry: the same id, a fresh award.
            var organization = await organizations.GetCachedAsync(earned.OrganizationId, cancellationToken).ConfigureAwait(false);
            existing = Certificate.Issue(certificateId, earned, certification, organization?.Name ?? string.Empty);
            await certificates.SaveAsync(existing, cancellationToken).ConfigureAwait(false);
            logger.LogInformation("Certificate {CertificateId} issued for enrollment {EnrollmentId}", certificateId, earned.Id);
        }

        if (!existing.IsDelivered)
        {
            // Watched until the renderer has drawn and sent it; the record's own row goes only once this one is there.
            await undelivered.WatchAsync(existing, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        }

        if (!existing.IsRendered)
        {
            await delivery.RequestRenderAsync(existing, certification.Design, earned.LearnerEmail, cancellationToken).ConfigureAwait(false);
        }

        await undelivered.ForgetEnrollmentAsync(earned.OrganizationId, earned.Id, cancellationToken).ConfigureAwait(false);
        return new AdvanceOutcome(WorkflowNext.Done, earned.DueDate, earned.ApprovalRequestedAt);
    }

    private async Task<(Versioned<Enrollment>? Record, Domain.Catalog.Certification? Certification)> LoadAsync(
        EnrollmentRef enrollment, CancellationToken cancellationToken)
    {
        var record = enrollments.GetAsync(enrollment.OrganizationId, enrollment.CertificationId, enrollment.LearnerId, cancellationToken);
        var certification = await certifications.GetAsync(enrollment.OrganizationId, enrollment.CertificationId, cancellationToken).ConfigureAwait(false);
        return (await record.ConfigureAwait(false), certification?.Value);
    }

    private async Task NotifyReviewersAsync(
        Enrollment enrollment, Domain.Catalog.Certification certification, bool reminder, CancellationToken cancellationToken)
    {
        var reviewers = await ReviewersAsync(enrollment, cancellationToken).ConfigureAwait(false);
        if (reviewers.Count > 0)
        {
            var readers = new List<(User, string)>();
            foreach (var reviewer in reviewers)
            {
                readers.Add((reviewer, await languages.OfAsync(reviewer, cancellationToken).ConfigureAwait(false)));
            }

            await mail.SendAsync(email.ApprovalRequest(enrollment, certification, readers, reminder), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The learner's coach and the organization's super admins.</summary>
    private async Task<IReadOnlyList<User>> ReviewersAsync(Enrollment enrollment, CancellationToken cancellationToken)
    {
        var learner = await directory.GetUserAsync(enrollment.OrganizationId, enrollment.LearnerId, cancellationToken).ConfigureAwait(false);
        var reviewers = new Dictionary<string, User>();
        if (learner?.Value.CoachId is { } coachId
            && await directory.GetUserAsync(
                enrollment.OrganizationId, coachId, cancellationToken).ConfigureAwait(false) is { Value: { IsCoach: true, IsActive: true } } coach)
        {
            reviewers[coach.Value.Id] = coach.Value;
        }

        foreach (var admin in await directory.AdminsAsync(enrollment.OrganizationId, cancellationToken).ConfigureAwait(false))
        {
            reviewers[admin.Id] = admin;
        }

        return [.. reviewers.Values];
    }
}
