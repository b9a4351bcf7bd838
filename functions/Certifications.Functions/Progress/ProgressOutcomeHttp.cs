using Certifications.Domain.Common;
using Certifications.Functions.Enrollments;
using Certifications.Functions.Http;
using Microsoft.AspNetCore.Mvc;

namespace Certifications.Functions.Progress;

/// <summary>How a progress step is answered over HTTP: the record's detail as it now stands, or the problem.</summary>
public static class ProgressOutcomeHttp
{
    public static IActionResult ToHttp(this Result<ProgressOutcome> result, DateTimeOffset now) =>
        result.ToHttp(o => ApiResult.Ok(EnrollmentDetail.From(o.Enrollment, o.Certification, now)));
}
