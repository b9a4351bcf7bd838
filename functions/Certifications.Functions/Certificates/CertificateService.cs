using Certifications.Domain.Certificates;
using Certifications.Domain.Common;
using Certifications.Domain.Policies;
using Certifications.Functions.Enrollments;
using Certifications.Functions.Links;
using Certifications.Functions.Notifications;
using Certifications.Storage.Catalog;
using Certifications.Storage.Certificates;
using Certifications.Storage.Common;
using Certifications.Storage.Enrollments;
using Certifications.Storage.People;

namespace Certifications.Functions.Certificates;

/// <summary>
/// Certificates as their people see them: the owner, their coach and admins read and download them (anyone else in
/// the organization, and everyone outside it, gets 404); admins revoke and reinstate; anyone verifies by id.
/// </summary>
public sealed class CertificateService(
    CertificateRepository certificates, CertificateFiles files, BlobLinks links, EnrollmentService enrollments, DirectoryRepository directory,
    CertificateEmail email, IEmailSender mail, RecipientLanguages languages, ProductLinks publicLinks, EnrollmentRepository records,
    CertificationRepository catalog, TimeProvider clock)
{
    public static readonly TimeSpan DownloadLinkLifetime = TimeSpan.FromMinutes(15);

    public async Task<Result<Versioned<Certificate>>> FindVisibleAsync(Caller caller, string certificateId, CancellationToken cancellationToken)
    {
        var found = await certificates.GetAsync(certificateId, cancellationToken).ConfigureAwait(false);
        if (found is null || found.Value.OrganizationId != caller.OrganizationId)
        {
            return Error.NotFound("The certificate");
        }

        // Whoever may see the learning record may see its certificate.
        var visible = await enrollments.FindVisibleAsync(caller, found.Value.EnrollmentId, cancellationToken).ConfigureAwait(false);
        return visible.IsSuccess ? found : Error.NotFound("The certificate");
    }

    /// <summary>The certificate with a time-limited link to its PDF (none until it is rendered).</summary>
    public Task<Result<VisibleCertificate>> GetAsync(Caller caller, string certificateId, CancellationToken cancellationToken) =>
        FindVisibleAsync(caller, certificateId, cancellationToken).BindAsync(async found =>
            Result<VisibleCertificate>.Ok(await ViewAsync(found.Value, cancellationToken).ConfigureAwait(false)));

    /// <summary>
    /// The caller's own certificates, newest first: one point read per certification they are enrolled in, so the work
    /// grows with the learner's records, not the organization's.
    /// </summary>
    public Task<IReadOnlyList<VisibleCertificate>> MineAsync(Caller caller, CancellationToken cancellationToken) =>
        OfLearnerAsync(caller.OrganizationId, caller.Id, cancellationToken);

    /// <summary>A learner's certificates, for a super admin finding them by the person.</summary>
    public async Task<Result<IReadOnlyList<VisibleCertificate>>> OfLearnerAsync(Caller caller, string learnerId, CancellationToken cancellationToken)
    {
        if (!caller.IsSuperAdmin)
        {
            return Error.Forbidden("Only a super admin can look up someone else's certificates.");
        }

        return await directory.GetUserAsync(caller.OrganizationId, learnerId, cancellationToken).ConfigureAwait(false) is null
            ? Error.NotFound("The user")
            : Result<IReadOnlyList<VisibleCertificate>>.Ok(await OfLearnerAsync(caller.OrganizationId, learnerId, cancellationToken).ConfigureAwait(false));
    }

    private async Task<IReadOnlyList<VisibleCertificate>> OfLearnerAsync(string organizationId, string learnerId, CancellationToken cancellationToken)
    {
        var certificationIds = await records.AllLearnerCertificationIdsAsync(organizationId, learnerId, cancellationToken).ConfigureAwait(false);
        var views = new System.Collections.Concurrent.ConcurrentBag<VisibleCertificate>();
        await Parallel.ForEachAsync(certificationIds, cancellationToken, async (certificationId, ct) =>
        {
            var record = await records.GetAsync(organizationId, certificationId, learnerId, ct).ConfigureAwait(false);
            if (record?.Value.CertificateId is { } id
                && await certificates.GetAsync(id, ct).ConfigureAwait(false) is { } found
                && found.Value.OrganizationId == organizationId)
            {
                views.Add(await ViewAsync(found.Value, ct).ConfigureAwait(false));
            }
        }).ConfigureAwait(false);
        return [.. views.OrderByDescending(v => v.Certificate.IssuedAt)];
    }

    private async Task<VisibleCertificate> ViewAsync(Certificate certificate, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        Uri? link = certificate.PdfBlob is { } blob
            ? await links.ReadLinkAsync(
                ContainerNames.Certificates, blob, CertificateEmail.FileName(certificate), "application/pdf", DownloadLinkLifetime, now,
                cancellationToken).ConfigureAwait(false)
            : null;
        return new VisibleCertificate(
            certificate, certificate.StatusAt(now), link, link is null ? null : now + DownloadLinkLifetime,
            publicLinks.Verify(certificate.Id), Domain.Progress.Recertification.IsOpen(certificate, now));
    }

    /// <summary>The certificate's PDF or picture, for those who may see the certificate.</summary>
    public Task<Result<(Certificate Certificate, Stream File)>> OpenAsync(
        Caller caller, string certificateId, CertificateFormat format, CancellationToken cancellationToken) =>
        FindVisibleAsync(caller, certificateId, cancellationToken).BindAsync(found => OpenFileAsync(found.Value, format, cancellationToken));

    /// <summary>
    /// The picture or PDF of a certificate anyone holding its id may verify, as its public page offers them; a revoked
    /// certificate's PDF is not handed out (its picture still shows what was revoked).
    /// </summary>
    public async Task<Result<(Certificate Certificate, Stream File)>> OpenPublicFileAsync(
        string certificateId, CertificateFormat format, CancellationToken cancellationToken) =>
        await certificates.GetAsync(certificateId, cancellationToken).ConfigureAwait(false) is { } found
            && (format == CertificateFormat.Png || found.Value.RevokedAt is null)
            ? await OpenFileAsync(found.Value, format, cancellationToken).ConfigureAwait(false)
            : Error.NotFound("The certificate");

    private async Task<Result<(Certificate Certificate, Stream File)>> OpenFileAsync(
        Certificate certificate, CertificateFormat format, CancellationToken cancellationToken)
    {
        var name = certificate.PdfBlob is not { } pdf ? null : format == CertificateFormat.Png ? CertificateFiles.PictureName(pdf) : pdf;
        if (name is not null && await files.OpenAsync(name, cancellationToken).ConfigureAwait(false) is { } file)
        {
            return (certificate, file);
        }

        var what = format == CertificateFormat.Png ? "picture" : "PDF";
        return Error.Conflict(certificate.RenderFailure is not null
            ? $"The certificate's {what} could not be drawn yet; your organization's super admins see why and can render it again."
            : certificate.IsRendered
                ? $"The certificate's {what} is not stored (it was issued before pictures were drawn); a super admin can render it again."
                : $"The certificate's {what} is still being rendered; try again in a few seconds.");
    }

    public Task<Result<Certificate>> RevokeAsync(Caller caller, string certificateId, RevokeInput input, CancellationToken cancellationToken) =>
        ChangeAsync(
            caller, certificateId, c =>
            CertificateRules.Revoke(c, input.Reason, caller.Id, caller.User.DisplayName, clock.GetUtcNow()), notify: true, cancellationToken);

    public Task<Result<Certificate>> ReinstateAsync(Caller caller, string certificateId, CancellationToken cancellationToken) =>
        ChangeAsync(caller, certificateId, CertificateRules.Reinstate, notify: false, cancellationToken);

    /// <summary>What the public verification page shows; the same 404 for ids that are malformed, unknown or never existed.</summary>
    public async Task<Result<Verification>> VerifyAsync(string certificateId, CancellationToken cancellationToken) =>
        await certificates.GetAsync(certificateId, cancellationToken).ConfigureAwait(false) is { } found
            ? Verification.Of(found.Value, clock.GetUtcNow())
            : Error.NotFound("The certificate");

    /// <summary>
    /// What the public page shows: the verification, the certificate's picture and PDF when it has them (older ones may
    /// not; a revoked one's PDF is not offered), and what was earned: the certification's description and criteria.
    /// </summary>
    public async Task<Result<VerificationPageData>> VerificationPageAsync(string certificateId, CancellationToken cancellationToken)
    {
        if (await certificates.GetAsync(certificateId, cancellationToken).ConfigureAwait(false) is not { } found)
        {
            return Error.NotFound("The certificate");
        }

        var certificate = found.Value;
        var pdf = certificate.PdfBlob;
        var hasPicture = pdf is not null && await files.ExistsAsync(CertificateFiles.PictureName(pdf), cancellationToken).ConfigureAwait(false);
        var certification = (await catalog.GetAsync(certificate.OrganizationId, certificate.CertificationId, cancellationToken).ConfigureAwait(false))?.Value;
        return new VerificationPageData(
            Verification.Of(certificate, clock.GetUtcNow()),
            hasPicture ? publicLinks.VerifyPicture(certificateId) : null,
            pdf is not null && certificate.RevokedAt is null ? publicLinks.VerifyPdf(certificateId) : null,
            certification?.Description,
            [.. certification?.Criteria.Select(c => c.Title) ?? []]);
    }

    private async Task<Result<Certificate>> ChangeAsync(
        Caller caller, string certificateId, Func<Certificate, Result<Certificate>> change, bool notify, CancellationToken cancellationToken)
    {
        var found = await FindVisibleAsync(caller, certificateId, cancellationToken).ConfigureAwait(false);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        if (!caller.IsSuperAdmin)
        {
            return Error.Forbidden("Only an admin revokes or reinstates certificates.");
        }

        var changed = change(found.Value.Value);
        if (!changed.IsSuccess)
        {
            return changed.Error!;
        }

        var written = await certificates.UpdateAsync(changed.Value, found.Value.ETag, cancellationToken).ConfigureAwait(false);
        if (!written.IsSuccess)
        {
            return written.Error!;
        }

        if (notify && await directory.GetUserAsync(caller.OrganizationId, changed.Value.LearnerId, cancellationToken).ConfigureAwait(false) is { } learner)
        {
            var language = await languages.OfAsync(learner.Value, cancellationToken).ConfigureAwait(false);
            await mail.SendAsync([email.Revoked(changed.Value, learner.Value, language)], cancellationToken).ConfigureAwait(false);
        }

        return changed.Value;
    }
}

/// <summary>An admin's revocation.</summary>
public sealed record RevokeInput(string? Reason);

/// <summary>A certificate as its owner, coach or admin reads it.</summary>
public sealed record VisibleCertificate(
    Certificate Certificate, CertificateStatus Status, Uri? DownloadUrl, DateTimeOffset? DownloadUrlExpiresAt, string VerifyUrl, bool CanRecertify);
