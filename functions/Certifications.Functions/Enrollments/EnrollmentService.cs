using System.Collections.Concurrent;
using Certifications.Domain.Catalog;
using Certifications.Domain.Common;
using Certifications.Domain.Enrollments;
using Certifications.Domain.People;
using Certifications.Domain.Policies;
using Certifications.Functions.Http;
using Certifications.Functions.Workflow;
using Certifications.Storage.Catalog;
using Certifications.Storage.Common;
using Certifications.Storage.Enrollments;
using Certifications.Storage.People;
using Microsoft.DurableTask.Client;

namespace Certifications.Functions.Enrollments;

/// <summary>Self-enrollment, the learner's assignment list, learning records, progress detail and withdrawal.</summary>
public sealed class EnrollmentService(
    CertificationRepository certifications, EnrollmentRepository enrollments, DirectoryRepository directory,
    Catalog.CatalogService catalog, WorkflowSignals signals, TimeProvider clock)
{
    /// <summary>How many storage pages one filtered page of learning records may read before it answers with what it found.</summary>
    public const int MaxStoragePagesPerPage = 20;

    public async Task<Result<Domain.Enrollments.Enrollment>> SelfEnrollAsync(
        Caller caller, string certificationId, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var certification = await certifications.GetAsync(caller.OrganizationId, certificationId, cancellationToken).ConfigureAwait(false);
        if (certification is null)
        {
            return Error.NotFound("The certification");
        }

        var existing = await enrollments.GetAsync(caller.OrganizationId, certificationId, caller.Id, cancellationToken).ConfigureAwait(false);
        var enrollment = EnrollmentPolicy.SelfEnroll(caller, certification.Value, existing?.Value, clock.GetUtcNow());
        if (!enrollment.IsSuccess)
        {
            if (enrollment.Error!.Kind == ErrorKind.Conflict && existing is not null)
            {
                // A retried request finds its own earlier enrollment: make sure it is on the learner's list too.
                await enrollments.AddToLearnerListAsync(caller.OrganizationId, caller.Id, certificationId, cancellationToken).ConfigureAwait(false);
            }

            return enrollment.Error;
        }

        var written = existing is null
            ? await enrollments.CreateAsync(enrollment.Value, cancellationToken).ConfigureAwait(false)
            : await enrollments.UpdateAsync(existing, enrollment.Value, cancellationToken).ConfigureAwait(false);
        if (!written.IsSuccess)
        {
            return Error.Conflict("You are already enrolled in this certification.");
        }

        await enrollments.AddToLearnerListAsync(caller.OrganizationId, caller.Id, certificationId, cancellationToken).ConfigureAwait(false);
        await signals.StartAsync(durable, enrollment.Value, cancellationToken).ConfigureAwait(false);
        return enrollment;
    }

    /// <summary>The caller's assignment list: assigned and self-enrolled, soonest due first within the page.</summary>
    public async Task<Result<ListResponse<AssignmentListItem>>> MyAssignmentsAsync(Caller caller, ListQuery query, CancellationToken cancellationToken)
    {
        var page = await enrollments.ListLearnerCertificationIdsAsync(
            caller.OrganizationId, caller.Id, query.PageSize, query.ContinuationToken, cancellationToken).ConfigureAwait(false);
        var items = new ConcurrentBag<AssignmentListItem>();
        var now = clock.GetUtcNow();
        await Parallel.ForEachAsync(page.Items, cancellationToken, async (certificationId, ct) =>
        {
            var enrollmentTask = enrollments.GetAsync(caller.OrganizationId, certificationId, caller.Id, ct);
            var certification = await certifications.GetAsync(caller.OrganizationId, certificationId, ct).ConfigureAwait(false);
            var enrollment = await enrollmentTask.ConfigureAwait(false);
            if (certification is not null && enrollment is { Value.IsActive: true })
            {
                items.Add(AssignmentListItem.From(enrollment.Value, certification.Value, now));
            }
        }).ConfigureAwait(false);

        var ordered = items.OrderBy(i => i.DueDate ?? DateTimeOffset.MaxValue).ThenBy(i => i.Certification.Title, StringComparer.CurrentCulture).ToArray();
        return new ListResponse<AssignmentListItem>(ordered, page.ContinuationToken);
    }

    /// <summary>
    /// A certification's learning records: admins see all, coaches their team's. A page is full whenever that many records
    /// match. A coach's are read record by record for their team (the cost follows the team, not the certification's
    /// learners). An admin's come in storage pages; when searched or filtered on overdue (which the table cannot do), pages
    /// are read, each asking only for what the page still lacks, until it is full, the records end, or
    /// <see cref="MaxStoragePagesPerPage"/> were read (then the page holds what was found and its token goes on from there).
    /// </summary>
    public async Task<Result<LearningRecordsResponse>> LearningRecordsAsync(
        Caller caller, string certificationId, LearningRecordFilter filter, ListQuery query, CancellationToken cancellationToken)
    {
        var scope = LearningRecordScope.For(caller);
        if (!scope.IsSuccess)
        {
            return scope.Error!;
        }

        // Records of a certification the caller cannot see (a coach none of whose team is in it) do not exist for them.
        var certification = await catalog.GetAsync(caller, certificationId, cancellationToken).ConfigureAwait(false);
        if (!certification.IsSuccess)
        {
            return certification.Error!;
        }

        var now = clock.GetUtcNow();
        var page = scope.Value.IsWholeOrganization
            ? await OrganizationRecordsAsync(caller.OrganizationId, certificationId, filter, query, now, cancellationToken).ConfigureAwait(false)
            : await TeamRecordsAsync(caller, certificationId, filter, query, now, cancellationToken).ConfigureAwait(false);
        if (!page.IsSuccess)
        {
            return page.Error!;
        }

        var found = certification.Value.Value;
        return new LearningRecordsResponse(
            new CertificationRef(found.Id, found.Title, found.Status), [.. page.Value.Items.Select(r => LearningRecord.From(r, now))],
            page.Value.ContinuationToken);
    }

    private async Task<Result<ListResponse<Domain.Enrollments.Enrollment>>> OrganizationRecordsAsync(
        string organizationId, string certificationId, LearningRecordFilter filter, ListQuery query, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var records = new List<Domain.Enrollments.Enrollment>();
        var token = query.ContinuationToken;
        for (var read = 0; read < MaxStoragePagesPerPage; read++)
        {
            var page = await enrollments.ListAsync(
                organizationId, certificationId, filter.Status, filter.Source, query.PageSize - records.Count, token, cancellationToken)
                .ConfigureAwait(false);
            records.AddRange(page.Items.Where(r => filter.Matches(r, now)));
            token = page.ContinuationToken;
            if (token is null || records.Count == query.PageSize)
            {
                break;
            }
        }

        return new ListResponse<Domain.Enrollments.Enrollment>(records, token);
    }

    private async Task<Result<ListResponse<Domain.Enrollments.Enrollment>>> TeamRecordsAsync(
        Caller caller, string certificationId, LearningRecordFilter filter, ListQuery query, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var team = await directory.TeamAsync(caller.OrganizationId, caller.Id, cancellationToken).ConfigureAwait(false);
        var records = await Task.WhenAll(team.Select(
            member => enrollments.GetAsync(caller.OrganizationId, certificationId, member.Id, cancellationToken))).ConfigureAwait(false);
        return ListPaging.Page(
            records.Select(r => r?.Value).OfType<Domain.Enrollments.Enrollment>().Where(r => r.IsActive && filter.Matches(r, now))
                .OrderBy(r => r.LearnerId, StringComparer.Ordinal),
            query);
    }

    /// <summary>
    /// The published certifications a coach sees, each with their team's active records: the whole team page in one read. Its cost follows
    /// the team and their enrollments, not the organization.
    /// </summary>
    public async Task<Result<IReadOnlyList<TeamCertificationRecords>>> TeamLearningRecordsAsync(Caller caller, CancellationToken cancellationToken)
    {
        if (!caller.IsCoach)
        {
            return Error.Forbidden("Only coaches have a team.");
        }

        // The catalog's visibility rule is applied here to the team's lists read below, not through CatalogService.ListAsync,
        // which would read the team and every member's list a second time.
        var ownTask = enrollments.AllLearnerCertificationIdsAsync(caller.OrganizationId, caller.Id, cancellationToken);
        var team = await directory.TeamAsync(caller.OrganizationId, caller.Id, cancellationToken).ConfigureAwait(false);
        var found = new ConcurrentBag<Domain.Enrollments.Enrollment>();
        var teamIds = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(team, cancellationToken, async (member, ct) =>
        {
            foreach (var certificationId in await enrollments.AllLearnerCertificationIdsAsync(caller.OrganizationId, member.Id, ct).ConfigureAwait(false))
            {
                teamIds[certificationId] = true;
                if (await enrollments.GetAsync(caller.OrganizationId, certificationId, member.Id, ct).ConfigureAwait(false) is { Value.IsActive: true } e)
                {
                    found.Add(e.Value);
                }
            }
        }).ConfigureAwait(false);

        var own = new HashSet<string>(await ownTask.ConfigureAwait(false), StringComparer.Ordinal);
        var visible = new List<Certification>();
        await foreach (var c in certifications.ListAsync(caller.OrganizationId, cancellationToken).ConfigureAwait(false))
        {
            if (c.Status == CertificationStatus.Published && CatalogAccess.CanSee(caller, c, own.Contains(c.Id), teamIds.ContainsKey(c.Id)))
            {
                visible.Add(c);
            }
        }

        var now = clock.GetUtcNow();
        var byCertification = found.ToLookup(e => e.CertificationId, StringComparer.Ordinal);
        return Result<IReadOnlyList<TeamCertificationRecords>>.Ok([
            .. visible
                .OrderBy(c => c.Title, StringComparer.CurrentCulture)
                .Select(c => new TeamCertificationRecords(c.Id, c.Title, [
                    .. byCertification[c.Id]
                        .OrderBy(e => e.LearnerName, StringComparer.CurrentCulture)
                        .Select(e => LearningRecord.From(e, now))])),
        ]);
    }

    public async Task<Result<EnrollmentDetail>> GetDetailAsync(Caller caller, string enrollmentId, CancellationToken cancellationToken)
    {
        var found = await FindVisibleAsync(caller, enrollmentId, cancellationToken).ConfigureAwait(false);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var (enrollment, certification, _) = found.Value;
        return EnrollmentDetail.From(enrollment.Value, certification, clock.GetUtcNow());
    }

    /// <summary>Withdraws the learner; the record is kept (history) but no longer counts. Withdrawing twice is the same as once.</summary>
    public async Task<Result<Domain.Enrollments.Enrollment>> WithdrawAsync(
        Caller caller, string enrollmentId, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var found = await FindVisibleAsync(caller, enrollmentId, cancellationToken).ConfigureAwait(false);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var enrollment = found.Value.Enrollment;
        if (EnrollmentPolicy.CanWithdraw(caller, enrollment.Value) is { } refused)
        {
            return refused;
        }

        if (!enrollment.Value.IsActive)
        {
            return enrollment.Value;
        }

        var withdrawn = enrollment.Value with { WithdrawnAt = clock.GetUtcNow() };
        var written = await enrollments.UpdateAsync(enrollment, withdrawn, cancellationToken).ConfigureAwait(false);
        if (!written.IsSuccess)
        {
            return written.Error!;
        }

        await enrollments.RemoveFromLearnerListAsync(
            caller.OrganizationId, withdrawn.LearnerId, withdrawn.CertificationId, cancellationToken).ConfigureAwait(false);
        await signals.ChangedAsync(durable, enrollment.Value, withdrawn, cancellationToken).ConfigureAwait(false);
        return withdrawn;
    }

    /// <summary>The record, its certification and its learner if the caller may see them; otherwise 404, as if it did not exist.</summary>
    public async Task<Result<VisibleEnrollment>> FindVisibleAsync(
        Caller caller, string enrollmentId, CancellationToken cancellationToken)
    {
        var enrollment = await enrollments.GetByIdAsync(caller.OrganizationId, enrollmentId, cancellationToken).ConfigureAwait(false);
        if (enrollment is null)
        {
            return Error.NotFound("The enrollment");
        }

        var learner = caller.Id == enrollment.Value.LearnerId
            ? caller.User
            : (await directory.GetUserAsync(caller.OrganizationId, enrollment.Value.LearnerId, cancellationToken).ConfigureAwait(false))?.Value;
        if (learner is null || !EnrollmentPolicy.CanView(caller, enrollment.Value, learner))
        {
            return Error.NotFound("The enrollment");
        }

        var certification = await certifications.GetAsync(caller.OrganizationId, enrollment.Value.CertificationId, cancellationToken).ConfigureAwait(false);
        return certification is null ? Error.NotFound("The enrollment") : new VisibleEnrollment(enrollment, certification.Value, learner);
    }
}

/// <summary>A learning record the caller may see, with what deciding about it needs.</summary>
public sealed record VisibleEnrollment(Versioned<Domain.Enrollments.Enrollment> Enrollment, Certification Certification, User Learner)
{
    /// <summary>Whether the caller is this learner's coach (admins are checked by role).</summary>
    public bool IsCoachedBy(Caller caller) => caller.Coaches(Learner);
}
