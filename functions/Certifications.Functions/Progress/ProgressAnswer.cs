using Certifications.Domain.Common;
using Certifications.Functions.Enrollments;
using Certifications.Functions.Http;
using Certifications.Functions.Workflow;
using Microsoft.AspNetCore.Mvc;
using Microsoft.DurableTask.Client;

namespace Certifications.Functions.Progress;

/// <summary>Answers a progress step: signals the enrollment's workflow when the change gives it something to do, then shows the record.</summary>
public sealed class ProgressAnswer(EnrollmentWorkflows workflows, TimeProvider clock)
{
    public async Task<IActionResult> ForAsync(DurableTaskClient durable, Result<ProgressOutcome> result, CancellationToken cancellationToken)
    {
        if (result.IsSuccess && result.Value.WakesWorkflow)
        {
            await workflows.SignalAsync(durable, result.Value.Enrollment, cancellationToken).ConfigureAwait(false);
        }

        return result.ToHttp(o => ApiResult.Ok(EnrollmentDetail.From(o.Enrollment, o.Certification, clock.GetUtcNow())));
    }
}
