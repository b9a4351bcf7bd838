using Certifications.Storage.Enrollments;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Certifications.Functions.Progress;

/// <summary>
/// Removes evidence files that no hand-in refers to: those of a request cut off mid-upload or refused, or written by a
/// host that died before it could take them down. A file still pending after a day is checked against the record
/// first; one that the record names (its hand-in landed, and the tag was never cleared) is kept and committed.
/// </summary>
public sealed partial class AbandonedUploads(EvidenceStore store, EnrollmentRepository enrollments, TimeProvider clock, ILogger<AbandonedUploads> logger)
{
    /// <summary>Far longer than any upload takes, so nothing on its way is taken.</summary>
    public static readonly TimeSpan Age = TimeSpan.FromDays(1);

    /// <summary>04:15 UTC every night, and once when the host starts.</summary>
    [Function(nameof(RemoveAbandonedUploads))]
    public Task RemoveAbandonedUploads([TimerTrigger("0 15 4 * * *", RunOnStartup = true)] TimerInfo timer, CancellationToken cancellationToken) =>
        RunAsync(clock.GetUtcNow() - Age, cancellationToken);

    /// <summary>Removes (or commits) the pending files written before <paramref name="before"/>; how many were removed.</summary>
    public async Task<int> RunAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        var removed = 0;
        await foreach (var name in store.AbandonedAsync(before, cancellationToken).ConfigureAwait(false))
        {
            if (EvidenceStore.Owner(name) is var (organizationId, enrollmentId, evidenceId)
                && await enrollments.HasEvidenceAsync(organizationId, enrollmentId, evidenceId, cancellationToken).ConfigureAwait(false))
            {
                await store.CommitAsync([name], cancellationToken).ConfigureAwait(false);
                continue;
            }

            await store.DeleteAsync([name], cancellationToken).ConfigureAwait(false);
            removed++;
        }

        LogRemoved(removed);
        return removed;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Abandoned evidence files removed: {Count}")]
    private partial void LogRemoved(int count);
}
