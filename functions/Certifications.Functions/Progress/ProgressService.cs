using Certifications.Domain.Catalog;
using Certifications.Domain.Common;
using Certifications.Domain.Enrollments;
using Certifications.Domain.Policies;
using Certifications.Domain.Progress;
using Certifications.Functions.Enrollments;
using Certifications.Storage.Common;
using Certifications.Storage.Enrollments;

namespace Certifications.Functions.Progress;

/// <summary>
/// Applies one step to a learning record: find it as the caller may see it, let the domain decide, write it only if
/// nobody changed it meanwhile. On a lost race the step is decided again on the fresh record, so two reviewers
/// deciding at once give one decision and a clear answer to the other.
/// </summary>
public sealed class ProgressService(
    EnrollmentService access, EnrollmentRepository enrollments, TimeProvider clock)
{
    private const int Attempts = 3;

    public Task<Result<ProgressOutcome>> AsLearnerAsync(
        Caller caller, string enrollmentId, Func<Enrollment, Certification, DateTimeOffset, Result<ProgressChange>> step, CancellationToken cancellationToken) =>
        ApplyAsync(caller, enrollmentId, (found, now) => found.Enrollment.Value.LearnerId == caller.Id
            ? step(found.Enrollment.Value, found.Certification, now)
            : Error.Forbidden("Only the learner works on their own record."), cancellationToken);

    public Task<Result<ProgressOutcome>> ApplyAsync(
        Caller caller, string enrollmentId, Func<VisibleEnrollment, DateTimeOffset, Result<ProgressChange>> step, CancellationToken cancellationToken) =>
        ApplyLoopAsync(
            async () => (await access.FindVisibleAsync(caller, enrollmentId, cancellationToken).ConfigureAwait(false)).Map(found => (found.Enrollment, found.Certification, found)),
            step,
            cancellationToken);

    /// <summary>
    /// A step the system takes on a learner's record (an LMS completion), against a certification the caller has
    /// already read; 404 when there is no such record.
    /// </summary>
    public Task<Result<ProgressOutcome>> ApplyAsSystemAsync(
        Certification certification, string learnerId, Func<Enrollment, Certification, DateTimeOffset, Result<ProgressChange>> step, CancellationToken cancellationToken) =>
        ApplyLoopAsync<Enrollment>(
            async () => await enrollments.GetAsync(certification.OrganizationId, certification.Id, learnerId, cancellationToken).ConfigureAwait(false) is { } found
                ? (found, certification, found.Value)
                : Error.NotFound("The enrollment"),
            (enrollment, now) => step(enrollment, certification, now),
            cancellationToken);

    private async Task<Result<ProgressOutcome>> ApplyLoopAsync<TContext>(
        Func<Task<Result<(Versioned<Enrollment> Record, Certification Certification, TContext Context)>>> load,
        Func<TContext, DateTimeOffset, Result<ProgressChange>> step,
        CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var found = await load().ConfigureAwait(false);
            if (!found.IsSuccess)
            {
                return found.Error!;
            }

            var (record, certification, context) = found.Value;
            var change = step(context, clock.GetUtcNow());
            if (!change.IsSuccess)
            {
                return change.Error!;
            }

            var outcome = new ProgressOutcome(change.Value.Enrollment, certification, change.Value.Changed);
            if (!change.Value.Changed)
            {
                return outcome;
            }

            var written = await enrollments.UpdateAsync(change.Value.Enrollment, record.ETag, cancellationToken).ConfigureAwait(false);
            if (written.IsSuccess)
            {
                return outcome;
            }

            if (written.Error!.Kind != ErrorKind.PreconditionFailed || attempt == Attempts)
            {
                return written.Error;
            }
        }
    }
}

/// <summary>The record after a step, its certification, and whether the step changed it.</summary>
public sealed record ProgressOutcome(Enrollment Enrollment, Certification Certification, bool Changed);
