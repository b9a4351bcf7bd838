using Certifications.Domain.Common;
using Certifications.Domain.Enrollments;
using Certifications.Domain.Policies;
using Certifications.Functions.Enrollments;
using Certifications.Storage.Enrollments;

namespace Certifications.Functions.Progress;

/// <summary>Opens a file of a hand-in for whoever may see the learning record: the learner, their coach, the admins.</summary>
public sealed class EvidenceFiles(EnrollmentService enrollments, EvidenceStore store)
{
    public async Task<Result<(EvidenceFile File, Stream Content)>> OpenAsync(
        Caller caller, string enrollmentId, string evidenceId, int index, CancellationToken cancellationToken)
    {
        var visible = await enrollments.FindVisibleAsync(caller, enrollmentId, cancellationToken).ConfigureAwait(false);
        if (!visible.IsSuccess)
        {
            return visible.Error!;
        }

        var file = visible.Value.Enrollment.Value.Criteria
            .SelectMany(c => c.Evidence)
            .FirstOrDefault(e => e.Id == evidenceId)?.Files
            .ElementAtOrDefault(index);
        if (file is null || await store.OpenAsync(file.BlobName, cancellationToken).ConfigureAwait(false) is not { } content)
        {
            return Error.NotFound("The evidence file");
        }

        return (file, content);
    }
}
