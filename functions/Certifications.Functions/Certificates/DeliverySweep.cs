using Certifications.Domain.Progress;
using Certifications.Functions.Workflow;
using Certifications.Storage.Catalog;
using Certifications.Storage.Certificates;
using Certifications.Storage.Delivery;
using Certifications.Storage.Enrollments;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Certifications.Functions.Certificates;

/// <summary>
/// Finds what was earned and not delivered, from the index alone, and resumes each: a record that awaits its award has
/// its workflow signalled (or started again, if it has ended); a certificate without its PDF or e-mail is requested
/// again. Everything it does is what the pipeline would have done, so running it twice, or beside the pipeline, changes
/// nothing twice. A row is left alone for <see cref="AppOptions.DeliverySweepGrace"/> (ten minutes: long enough for the
/// pipeline to finish on its own) after it was written or last nudged.
/// </summary>
public sealed partial class DeliverySweep(
    UndeliveredAwards undelivered, EnrollmentRepository enrollments, CertificationRepository certifications, CertificateRepository certificates,
    CertificateDelivery delivery, WorkflowSignals workflows, IOptions<AppOptions> options, TimeProvider clock, ILogger<DeliverySweep> logger)
{

    /// <summary>What one sweep did.</summary>
    public sealed record Outcome(int Resumed, int Dropped, int Waiting);

    public async Task<Outcome> SweepAsync(DurableTaskClient durable, CancellationToken cancellationToken, TimeSpan? grace = null)
    {
        var now = clock.GetUtcNow();
        var (resumed, dropped, waiting) = (0, 0, 0);
        await foreach (var row in undelivered.AllAsync(cancellationToken).ConfigureAwait(false))
        {
            if (now - (row.NudgedAt ?? row.Since) < (grace ?? options.Value.DeliverySweepGrace))
            {
                waiting++;
                continue;
            }

            var resumedIt = row.Kind == UndeliveredKind.Enrollment
                ? await ResumeEnrollmentAsync(row, durable, cancellationToken).ConfigureAwait(false)
                : await ResumeCertificateAsync(row, cancellationToken).ConfigureAwait(false);
            if (resumedIt is null)
            {
                waiting++;
            }
            else if (resumedIt.Value)
            {
                await undelivered.NudgedAsync(row, now, cancellationToken).ConfigureAwait(false);
                resumed++;
            }
            else
            {
                dropped++;
            }
        }

        LogSwept(resumed, dropped, waiting);
        return new Outcome(resumed, dropped, waiting);
    }

    /// <summary>True when the workflow was woken; false when the row watches nothing any more (and is dropped); null when it waits as it should.</summary>
    private async Task<bool?> ResumeEnrollmentAsync(UndeliveredAward row, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var record = await enrollments.GetAsync(row.OrganizationId, row.CertificationId, row.LearnerId, cancellationToken).ConfigureAwait(false);
        var certification = await certifications.GetAsync(row.OrganizationId, row.CertificationId, cancellationToken).ConfigureAwait(false);
        var owed = record is { Value: { IsActive: true, AllCriteriaMet: true } } && certification is not null;
        if (owed && record!.Value.EarnedAt is { } earnedAt && record.Value.CertificateId is { } certificateId)
        {
            // Awarded: owed still only if the certificate of this award was never written (its own row watches the rest).
            owed = (await certificates.GetAsync(certificateId, cancellationToken).ConfigureAwait(false))?.Value.IssuedAt != earnedAt;
        }

        if (!owed)
        {
            await undelivered.ForgetEnrollmentAsync(row.OrganizationId, row.Id, cancellationToken).ConfigureAwait(false);
            return false;
        }

        // Waiting for an approval is the workflow's job as long as it runs (it reminds the approvers); nothing is lost.
        if (WorkflowSteps.Next(record!.Value, certification!.Value) == WorkflowNext.WaitForApproval
            && await workflows.IsRunningAsync(durable, row.Id, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        LogResumedEnrollment(row.Id);
        await workflows.ResumeAsync(durable, record.Value, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>True when it was requested again; false when it is delivered or gone; null when a person must act first.</summary>
    private async Task<bool?> ResumeCertificateAsync(UndeliveredAward row, CancellationToken cancellationToken)
    {
        var found = await certificates.GetAsync(row.Id, cancellationToken).ConfigureAwait(false);
        if (found is null || found.Value.IsDelivered || found.Value.RevokedAt is not null)
        {
            await undelivered.ForgetCertificateAsync(row.OrganizationId, row.Id, cancellationToken).ConfigureAwait(false);
            return false;
        }

        if (found.Value.RenderFailure is not null)
        {
            return null;
        }

        LogResumedCertificate(row.Id);
        return await delivery.RequestAsync(found, cancellationToken).ConfigureAwait(false) is not null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Enrollment {EnrollmentId} awaited its award past the grace period; its workflow was woken")]
    private partial void LogResumedEnrollment(string enrollmentId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Certificate {CertificateId} was not drawn and sent past the grace period; it was requested again")]
    private partial void LogResumedCertificate(string certificateId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivery sweep: {Resumed} resumed, {Dropped} no longer owed, {Waiting} left for now")]
    private partial void LogSwept(int resumed, int dropped, int waiting);
}
