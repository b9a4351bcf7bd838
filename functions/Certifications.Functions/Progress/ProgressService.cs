using Certifications.Domain.Catalog;
using Certifications.Domain.Common;
using Certifications.Domain.Enrollments;
using Certifications.Domain.Policies;
using Certifications.Domain.Progress;
using Certifications.Functions.Enrollments;
using Certifications.Functions.Workflow;
using Certifications.Storage.Common;
using Certifications.Storage.Enrollments;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Caching.Memory;

namespace Certifications.Functions.Progress;

/// <summary>
/// Applies one step to a learning record: find it as the caller may see it, let the domain decide, write it only if
/// nobody changed it meanwhile. On a lost race the step is decided again on the fresh record, so two reviewers
/// deciding at once give one decision and a clear answer to the other. What it wrote goes to <see cref="WorkflowSignals"/>.
/// </summary>
public sealed class ProgressService(
    EnrollmentService access, EnrollmentRepository enrollments, WorkflowSignals signals, IMemoryCache written, TimeProvider clock)
{
    private const int Attempts = 3;

    /// <summary>
    /// How long a record this instance wrote is kept, with its ETag: the next system step on it (an LMS posting a
    /// learner's completions one after another) starts from it instead of reading it again. The write is conditional
    /// on that ETag, so if anyone changed the record meanwhile it is refused, and the step is decided again on a fresh
    /// read.
    /// </summary>
    private static readonly TimeSpan KeepWrittenFor = TimeSpan.FromSeconds(30);

    public Task<Result<ProgressOutcome>> AsLearnerAsync(
        Caller caller, string enrollmentId, Func<Enrollment, Certification, DateTimeOffset, Result<ProgressChange>> step, DurableTaskClient durable,
            CancellationToken cancellationToken) =>
        ApplyAsync(caller, enrollmentId, (found, now) => found.Enrollment.Value.LearnerId == caller.Id
            ? step(found.Enrollment.Value, found.Certification, now)
            : Error.Forbidden("Only the learner works on their own record."), durable, cancellationToken);

    public Task<Result<ProgressOutcome>> ApplyAsync(
        Caller caller, string enrollmentId, Func<VisibleEnrollment, DateTimeOffset, Result<ProgressChange>> step, DurableTaskClient durable,
            CancellationToken cancellationToken) =>
        ApplyLoopAsync(
            async () =>
                (await access.FindVisibleAsync(caller, enrollmentId, cancellationToken).ConfigureAwait(false)).Map(
                found => (found.Enrollment, found.Certification, found, Kept: false)),
            step,
            durable,
            cancellationToken);

    /// <summary>
    /// A step the system takes on a learner's record (an LMS completion), against a certification the caller has
    /// already read; 404 when there is no such record.
    /// </summary>
    public Task<Result<ProgressOutcome>> ApplyAsSystemAsync(
        Certification certification, string learnerId, Func<Enrollment, Certification, DateTimeOffset, Result<ProgressChange>> step,
            DurableTaskClient durable, CancellationToken cancellationToken) =>
        ApplyLoopAsync<Enrollment>(
            async () =>
                written.TryGetValue(WrittenKey(certification.OrganizationId, certification.Id, learnerId), out Versioned<Enrollment>? kept) && kept is not null
                ? (kept, certification, kept.Value, Kept: true)
                : await enrollments.GetAsync(certification.OrganizationId, certification.Id, learnerId, cancellationToken).ConfigureAwait(false) is { } found
                    ? (found, certification, found.Value, Kept: false)
                    : Error.NotFound("The enrollment"),
            (enrollment, now) => step(enrollment, certification, now),
            durable,
            cancellationToken);

    private async Task<Result<ProgressOutcome>> ApplyLoopAsync<TContext>(
        Func<Task<Result<(Versioned<Enrollment> Record, Certification Certification, TContext Context, bool Kept)>>> load,
        Func<TContext, DateTimeOffset, Result<ProgressChange>> step,
        DurableTaskClient durable,
        CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var found = await load().ConfigureAwait(false);
            if (!found.IsSuccess)
            {
                return found.Error!;
            }

            var (record, certification, context, kept) = found.Value;
            var change = step(context, clock.GetUtcNow());
            if (!change.IsSuccess)
            {
                return change.Error!;
            }

            var key = WrittenKey(record.Value.OrganizationId, record.Value.CertificationId, record.Value.LearnerId);
            var outcome = new ProgressOutcome(change.Value.Enrollment, certification, change.Value.Changed);
            if (!change.Value.Changed)
            {
                // "Nothing to do" is only believed of the table: no write would catch a kept copy being out of date.
                if (kept)
                {
                    written.Remove(key);
                    continue;
                }

                return outcome;
            }

            var update = await enrollments.UpdateAsync(record, change.Value.Enrollment, cancellationToken).ConfigureAwait(false);
            if (update.IsSuccess)
            {
                written.Set(key, new Versioned<Enrollment>(change.Value.Enrollment, update.Value), KeepWrittenFor);
                await signals.ChangedAsync(durable, record.Value, change.Value.Enrollment, cancellationToken).ConfigureAwait(false);
                return outcome;
            }

            written.Remove(key);
            if (update.Error!.Kind != ErrorKind.PreconditionFailed || attempt == Attempts)
            {
                return update.Error;
            }
        }
    }

    private static string WrittenKey(string organizationId, string certificationId, string learnerId) =>
        $"written-enrollment:{organizationId}|{certificationId}|{learnerId}";
}

/// <summary>The record after a step, its certification, and whether the step changed it (its workflow is told, if that is news to it).</summary>
public sealed record ProgressOutcome(Enrollment Enrollment, Certification Certification, bool Changed);
