using Certifications.Domain.Catalog;
using Certifications.Domain.Common;
using Certifications.Domain.Policies;
using Certifications.Functions.Certificates;
using Certifications.Functions.Workflow;
using Certifications.Storage.Catalog;
using Certifications.Storage.Common;
using Certifications.Storage.Enrollments;
using Certifications.Storage.People;
using Microsoft.DurableTask.Client;

namespace Certifications.Functions.Catalog;

/// <summary>Creating, editing, publishing and finding certifications, with who may see what.</summary>
public sealed class CatalogService(
    CertificationRepository certifications, EnrollmentRepository enrollments, DirectoryRepository directory,
    BrandingStore branding, DesignPreview preview, WorkflowSignals signals, TimeProvider clock)
{
    public async Task<Result<Versioned<Certification>>> CreateAsync(Caller caller, CertificationInput input, CancellationToken cancellationToken)
    {
        if (CatalogAccess.RequireManager(caller) is { } forbidden)
        {
            return forbidden;
        }

        var certification = input.ToNewCertification(caller.OrganizationId, caller.Organization.Language, clock.GetUtcNow(), NewCriterionId);
        if (!certification.IsSuccess)
        {
            return certification.Error!;
        }

        var etag = await certifications.CreateAsync(certification.Value, cancellationToken).ConfigureAwait(false);
        return etag.IsSuccess ? new Versioned<Certification>(certification.Value, etag.Value) : etag.Error!;
    }

    /// <summary>The certification if the caller may see it; one they may not see does not exist for them (404).</summary>
    public async Task<Result<Versioned<Certification>>> GetAsync(Caller caller, string id, CancellationToken cancellationToken)
    {
        var certification = await certifications.GetAsync(caller.OrganizationId, id, cancellationToken).ConfigureAwait(false);
        if (certification is null)
        {
            return Error.NotFound("The certification");
        }

        if (caller.IsSuperAdmin)
        {
            return certification;
        }

        var callerEnrolled = (await enrollments.GetAsync(
            caller.OrganizationId, id, caller.Id, cancellationToken).ConfigureAwait(false))?.Value.IsActive == true;
        var teamEnrolled = false;
        if (!callerEnrolled && caller.IsCoach)
        {
            var team = await directory.TeamAsync(caller.OrganizationId, caller.Id, cancellationToken).ConfigureAwait(false);
            var records = await enrollments.GetManyAsync(caller.OrganizationId, id, team.Select(m => m.Id), cancellationToken).ConfigureAwait(false);
            teamEnrolled = records.Values.Any(r => r.Value.IsActive);
        }

        return CatalogAccess.CanSee(caller, certification.Value, callerEnrolled, teamEnrolled) ? certification : Error.NotFound("The certification");
    }

    /// <summary>What the caller may enroll in themselves: published, visible to them by view access, and not one of their records yet.</summary>
    public async Task<IReadOnlyList<Certification>> DiscoverAsync(Caller caller, CancellationToken cancellationToken)
    {
        var enrolledTask = enrollments.AllLearnerCertificationIdsAsync(caller.OrganizationId, caller.Id, cancellationToken);
        var open = new List<Certification>();
        await foreach (var certification in certifications.ListAsync(caller.OrganizationId, cancellationToken).ConfigureAwait(false))
        {
            if (certification.Status == CertificationStatus.Published && CatalogAccess.CanSee(caller, certification, false, false))
            {
                open.Add(certification);
            }
        }

        var enrolled = new HashSet<string>(await enrolledTask.ConfigureAwait(false), StringComparer.Ordinal);
        return [.. open.Where(c => !enrolled.Contains(c.Id)).OrderBy(c => c.Title, StringComparer.CurrentCulture)];
    }

    /// <summary>Admins: all; learners: published with view access plus their enrollments; coaches: what their team is enrolled in.</summary>
    public async Task<IReadOnlyList<Certification>> ListAsync(Caller caller, CancellationToken cancellationToken)
    {
        var all = new List<Certification>();
        await foreach (var certification in certifications.ListAsync(caller.OrganizationId, cancellationToken).ConfigureAwait(false))
        {
            all.Add(certification);
        }

        if (caller.IsSuperAdmin)
        {
            return all;
        }

        var enrolledIds = new HashSet<string>(
            await enrollments.AllLearnerCertificationIdsAsync(
            caller.OrganizationId, caller.Id, cancellationToken).ConfigureAwait(false), StringComparer.Ordinal);
        var teamIds = new HashSet<string>(StringComparer.Ordinal);
        if (caller.IsCoach)
        {
            foreach (var member in await directory.TeamAsync(caller.OrganizationId, caller.Id, cancellationToken).ConfigureAwait(false))
            {
                teamIds.UnionWith(await enrollments.AllLearnerCertificationIdsAsync(caller.OrganizationId, member.Id, cancellationToken).ConfigureAwait(false));
            }
        }

        return [.. all.Where(c => CatalogAccess.CanSee(caller, c, enrolledIds.Contains(c.Id), teamIds.Contains(c.Id)))];
    }

    public Task<Result<Versioned<Certification>>> UpdateAsync(
        Caller caller, string id, CertificationInput input, string? ifMatch, CancellationToken cancellationToken) =>
        ChangeAsync(caller, id, ifMatch, c => Task.FromResult(input.ApplyTo(c, clock.GetUtcNow(), NewCriterionId)), cancellationToken);

    public Task<Result<Versioned<Certification>>> PublishAsync(Caller caller, string id, string? ifMatch, CancellationToken cancellationToken) =>
        ChangeAsync(caller, id, ifMatch, c => Task.FromResult(c.Publish(clock.GetUtcNow())), cancellationToken);

    /// <summary>Archives it; its active records' workflows read it again and end.</summary>
    public async Task<Result<Versioned<Certification>>> ArchiveAsync(
        Caller caller, string id, string? ifMatch, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var archived = await ChangeAsync(caller, id, ifMatch, c => Task.FromResult<Result<Certification>>(c.Archive(clock.GetUtcNow())), cancellationToken)
            .ConfigureAwait(false);
        if (archived.IsSuccess)
        {
            await signals.ArchivedAsync(durable, caller.OrganizationId, id, cancellationToken).ConfigureAwait(false);
        }

        return archived;
    }

    public Task<Result<Versioned<Certification>>> SetViewAccessAsync(
        Caller caller, string id, ViewAccessInput input, string? ifMatch, CancellationToken cancellationToken) =>
        ChangeAsync(caller, id, ifMatch, async c =>
        {
            var requested = (input.GroupIds ?? []).Distinct(StringComparer.Ordinal).ToArray();
            var known = (await directory.ListGroupsAsync(caller.OrganizationId, cancellationToken).ConfigureAwait(false)).Select(g => g.Id).ToHashSet(
                StringComparer.Ordinal);
            var errors = new FieldErrors();
            foreach (var unknown in requested.Where(g => !known.Contains(g)))
            {
                errors.Add("groupIds", $"group '{unknown}' does not exist in this organization.");
            }

            return errors.Any ? errors.ToError() : (Result<Certification>)(c with { ViewAccessGroupIds = requested, UpdatedAt = clock.GetUtcNow() });
        }, cancellationToken);

    public Task<Result<Versioned<Certification>>> SetDesignAsync(
        Caller caller, string id, CertificateDesignInput input, string? ifMatch, CancellationToken cancellationToken) =>
        ChangeAsync(caller, id, ifMatch, async c =>
        {
            var draft = await preview.DraftAsync(c, input, caller.Organization.Name, cancellationToken).ConfigureAwait(false);
            if (!draft.IsSuccess)
            {
                return draft.Error!;
            }

            var (design, newLogo, newFont, _) = draft.Value;
            if (newLogo is not null)
            {
                design = design with { LogoBlob = await branding.SaveLogoAsync(c.OrganizationId, c.Id, newLogo, cancellationToken).ConfigureAwait(false) };
            }

            if (newFont is not null)
            {
                design = design with
                {
                    HeadingFontBlob = await branding.SaveFontAsync(c.OrganizationId, c.Id, newFont, cancellationToken).ConfigureAwait(false),
                };
            }

            return c with { Design = design, UpdatedAt = clock.GetUtcNow() };
        }, cancellationToken);

    /// <summary>Read, change by a domain rule, write back conditionally: the one path every admin edit takes.</summary>
    private async Task<Result<Versioned<Certification>>> ChangeAsync(
        Caller caller, string id, string? ifMatch, Func<Certification, Task<Result<Certification>>> change, CancellationToken cancellationToken)
    {
        if (CatalogAccess.RequireManager(caller) is { } forbidden)
        {
            return forbidden;
        }

        var current = await certifications.GetAsync(caller.OrganizationId, id, cancellationToken).ConfigureAwait(false);
        if (current is null)
        {
            return Error.NotFound("The certification");
        }

        if (!current.IsMatchedBy(ifMatch))
        {
            return Error.Stale("The certification");
        }

        var changed = await change(current.Value).ConfigureAwait(false);
        if (!changed.IsSuccess)
        {
            return changed.Error!;
        }

        if (changed.Value == current.Value)
        {
            return current;
        }

        var etag = await certifications.UpdateAsync(changed.Value, current.ETag, cancellationToken).ConfigureAwait(false);
        if (!etag.IsSuccess)
        {
            return etag.Error!;
        }

        return new Versioned<Certification>(changed.Value, etag.Value);
    }

    private static string NewCriterionId() => Ids.New(Ids.Criterion);
}
