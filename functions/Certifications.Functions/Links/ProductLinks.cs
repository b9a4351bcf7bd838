using Certifications.Domain.Certificates;
using Microsoft.Extensions.Options;

namespace Certifications.Functions.Links;

/// <summary>
/// Every link the product sends outside the app (e-mails, calendar files, the PDF and its QR code, LinkedIn), built in one
/// place: API addresses from <see cref="AppOptions.PublicBaseUrl"/>, pages of the web app from <see cref="AppOptions.WebBaseUrl"/>.
/// Each page link is a page of the web app that its reader can open: the record as their role sees it, the waiting room.
/// </summary>
public sealed class ProductLinks(IOptions<AppOptions> app)
{
    /// <summary>A certificate's public verification page: printed on the PDF and sent in e-mails.</summary>
    public string Verify(string certificateId) => $"{Api}/api/verify/{certificateId}";

    /// <summary>A certificate's public picture: on its verification page and in link previews (Open Graph).</summary>
    public string VerifyPicture(string certificateId) => $"{Api}/api/verify/{certificateId}/picture";

    /// <summary>A certificate's PDF as issued, for anyone who verifies it (not once it is revoked).</summary>
    public string VerifyPdf(string certificateId) => $"{Api}/api/verify/{certificateId}/pdf";

    /// <summary>What the QR code holds: the same page by the short route (see <see cref="ScanLink"/>).</summary>
    public string Scan(string certificateId) => ScanLink.For(app.Value.PublicBaseUrl, certificateId);

    /// <summary>A learner's own record of a certification.</summary>
    public string LearnerRecord(string enrollmentId) => Page($"enrollments/{Uri.EscapeDataString(enrollmentId)}");

    /// <summary>A learner's submission as their coach reviews and approves it.</summary>
    public string Review(string enrollmentId) => Page($"coach/reviews/{Uri.EscapeDataString(enrollmentId)}");

    /// <summary>A coach's queue of what waits for them.</summary>
    public string ReviewQueue() => Page("coach/reviews");

    /// <summary>A learner's record as a super admin opens it: the coach's view with the admin's part (approval, workflow).</summary>
    public string AdminRecord(string enrollmentId) => Page($"admin/enrollments/{Uri.EscapeDataString(enrollmentId)}");

    /// <summary>A certification's records that wait for a review or an approval, for a super admin (who has no review queue).</summary>
    public string SubmittedRecords(string certificationId) => Page($"admin/certifications/{Uri.EscapeDataString(certificationId)}/records?status=Submitted");

    /// <summary>A live session: the learner's waiting room, the coach's session room.</summary>
    public string LiveSession(string sessionId) => Page($"live-sessions/{Uri.EscapeDataString(sessionId)}");

    /// <summary>The page that signs a new person in and accepts their invitation.</summary>
    public string Invitation(string linkToken) => Page($"invitations/{Uri.EscapeDataString(linkToken)}");

    private string Api => app.Value.PublicBaseUrl.TrimEnd('/');

    private string Page(string path) => $"{(app.Value.WebBaseUrl ?? app.Value.PublicBaseUrl).TrimEnd('/')}/{path}";
}
