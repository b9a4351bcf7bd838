using Certifications.Domain.Catalog;
using Certifications.Domain.Certificates;
using Certifications.Domain.Common;
using Certifications.Domain.Policies;
using Certifications.Storage.Catalog;
using Certifications.Storage.Certificates;
using Certifications.Storage.Common;
using Certifications.Storage.Delivery;
using Certifications.Storage.People;

namespace Certifications.Functions.Certificates;

/// <summary>
/// Certificates that have not reached their learner: which ones need a person (no PDF, not sent, or a design that
/// could not be drawn), and asking the renderer again, with the certification's design as it is now.
/// </summary>
public sealed class CertificateDelivery(
    CertificateRepository certificates, CertificationRepository certifications, DesignVersions designs, UndeliveredAwards undelivered,
    DirectoryRepository directory, TimeProvider clock)
{
    /// <summary>A certificate this young is still on its way; it is listed once it is late, or at once when drawing it failed.</summary>
    public static readonly TimeSpan OnItsWay = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How many are listed at most, oldest first: a design that fails draws every certificate of its certification into
    /// the list, and one fix and "render again" at a time is what a person does with it.
    /// </summary>
    public const int MaxListed = 500;

    /// <summary>The organization's certificates that need attention, oldest first.</summary>
    public async Task<Result<IReadOnlyList<CertificateAttention>>> AttentionAsync(Caller caller, CancellationToken cancellationToken)
    {
        if (!caller.IsSuperAdmin)
        {
            return Error.Forbidden("Only a super admin sees the certificates that need attention.");
        }

        return Result<IReadOnlyList<CertificateAttention>>.Ok(await NeedingAttentionAsync(caller.OrganizationId, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>The certificates of an organization that have not reached their learner and are late or failed, oldest first.</summary>
    public async Task<IReadOnlyList<CertificateAttention>> NeedingAttentionAsync(string organizationId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var rows = (await undelivered.CertificatesAsync(organizationId, cancellationToken).ConfigureAwait(false)).Take(MaxListed).ToArray();
        var found = new Versioned<Certificate>?[rows.Length];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, rows.Length), new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken },
            async (i, ct) => found[i] = await certificates.GetAsync(rows[i].Id, ct).ConfigureAwait(false)).ConfigureAwait(false);
        return [.. rows.Zip(found)
            .Where(f => f.Second is { Value: { RevokedAt: null, IsDelivered: false } c } && c.OrganizationId == organizationId
                && (c.RenderFailure is not null || now - f.First.Since >= OnItsWay))
            .Select(f => CertificateAttention.Of(f.Second!.Value, f.First.Since))];
    }

    /// <summary>A super admin's "render again": after a fix, the certificate is drawn with the design as it is now, and sent.</summary>
    public async Task<Result<Certificate>> RenderAgainAsync(Caller caller, string certificateId, CancellationToken cancellationToken)
    {
        if (!caller.IsSuperAdmin)
        {
            return Error.Forbidden("Only a super admin renders certificates again.");
        }

        var found = await certificates.GetAsync(certificateId, cancellationToken).ConfigureAwait(false);
        if (found is null || found.Value.OrganizationId != caller.OrganizationId)
        {
            return Error.NotFound("The certificate");
        }

        if (found.Value.IsDelivered)
        {
            return Error.Conflict("This certificate was drawn and sent already; there is nothing to render again.");
        }

        var requested = await RequestAsync(found, cancellationToken).ConfigureAwait(false);
        return requested is null ? Error.Conflict("The learner or the certification of this certificate no longer exists.") : requested;
    }

    /// <summary>
    /// Clears a recorded failure and writes a fresh render request naming the certification's current design; null when
    /// there is nobody or nothing left to draw it for. The renderer's checks make a request written twice harmless.
    /// </summary>
    public async Task<Certificate?> RequestAsync(Versioned<Certificate> found, CancellationToken cancellationToken)
    {
        var certificate = found.Value;
        var learner = await directory.GetUserAsync(certificate.OrganizationId, certificate.LearnerId, cancellationToken).ConfigureAwait(false);
        var certification = await certifications.GetAsync(certificate.OrganizationId, certificate.CertificationId, cancellationToken).ConfigureAwait(false);
        if (learner is null || certification is null)
        {
            return null;
        }

        if (certificate.RenderFailure is not null)
        {
            certificate = certificate with { RenderFailure = null, RenderFailedAt = null };
            _ = (await certificates.UpdateAsync(certificate, found.ETag, cancellationToken).ConfigureAwait(false)).Value;
        }

        await undelivered.WatchAsync(certificate, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        await RequestRenderAsync(certificate, certification.Value.Design, learner.Value.Email, cancellationToken).ConfigureAwait(false);
        return certificate;
    }

    /// <summary>The one way a render is asked for: the design stored as a version, and a request that names it.</summary>
    public async Task RequestRenderAsync(Certificate certificate, CertificateDesign design, string learnerEmail, CancellationToken cancellationToken)
    {
        var version = await designs.SaveAsync(certificate.OrganizationId, certificate.CertificationId, design, cancellationToken).ConfigureAwait(false);
        await certificates.WriteRenderRequestAsync(
            new CertificateRenderRequest(certificate, learnerEmail) { DesignVersion = version }, cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>A certificate that has not reached its learner, and why.</summary>
public sealed record CertificateAttention(
    string Id, string EnrollmentId, string Certification, string Learner, DateTimeOffset IssuedAt, DateTimeOffset Since, string Problem, string? Reason)
{
    public static CertificateAttention Of(Certificate c, DateTimeOffset since) => new(
        c.Id, c.EnrollmentId, c.CertificationTitle, c.LearnerName, c.IssuedAt, since,
        c.RenderFailure is not null ? "render-failed" : !c.IsRendered ? "no-pdf" : "not-sent", c.RenderFailure);
}
