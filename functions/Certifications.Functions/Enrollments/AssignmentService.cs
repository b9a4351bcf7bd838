using Certifications.Domain.Catalog;
using Certifications.Domain.Common;
using Certifications.Domain.People;
using Certifications.Domain.Policies;
using Certifications.Functions.Notifications;
using Certifications.Functions.Workflow;
using Certifications.Storage.Catalog;
using Certifications.Storage.Enrollments;
using Certifications.Storage.People;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace Certifications.Functions.Enrollments;

/// <summary>Assigning a certification to learners and groups: one record per learner, never two, and an e-mail to each new one.</summary>
public sealed partial class AssignmentService(
    CertificationRepository certifications, EnrollmentRepository enrollments, DirectoryRepository directory,
    AssignmentEmail email, IEmailSender mail, WorkflowSignals signals, TimeProvider clock, ILogger<AssignmentService> logger)
{
    public const int MaxLearnersPerAssignment = 2000;

    /// <summary>How often a batch that raced another writer is re-read and re-decided before giving up.</summary>
    private const int WriteAttempts = 3;

    public async Task<Result<AssignmentReport>> AssignAsync(
        Caller caller, string certificationId, AssignmentInput input, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        if (!caller.IsSuperAdmin && !caller.IsCoach)
        {
            return Error.Forbidden("Only super admins and coaches can assign certifications.");
        }

        var certification = await certifications.GetAsync(caller.OrganizationId, certificationId, cancellationToken).ConfigureAwait(false);
        if (certification is null)
        {
            return Error.NotFound("The certification");
        }

        var learners = await ResolveLearnersAsync(caller, input, cancellationToken).ConfigureAwait(false);
        if (!learners.IsSuccess)
        {
            return learners.Error!;
        }

        var (chosen, skipped) = learners.Value;
        var now = clock.GetUtcNow();
        var outcomes = new Dictionary<string, AssignmentOutcome>(StringComparer.Ordinal);
        var pending = chosen;
        for (var attempt = 1; pending.Count > 0; attempt++)
        {
            var existing = await enrollments.GetManyAsync(
                caller.OrganizationId, certificationId, pending.Select(l => l.Id), cancellationToken).ConfigureAwait(false);
            var decided = EnrollmentPolicy.Assign(
                caller, certification.Value, pending, existing.ToDictionary(e => e.Key, e => e.Value.Value), input.DueDate, input.Message, now);
            if (!decided.IsSuccess)
            {
                return decided.Error!;
            }

            var writes = decided.Value.Where(o => o.NeedsWrite).Select(
                o => (o.Enrollment, existing.TryGetValue(o.LearnerId, out var e) ? e.ETag : null)).ToArray();
            var refused = (await enrollments.WriteManyAsync(writes, cancellationToken).ConfigureAwait(false))
                .Where(b => b.Error is not null).SelectMany(b => b.LearnerIds).ToHashSet(StringComparer.Ordinal);
            foreach (var outcome in decided.Value.Where(o => !refused.Contains(o.LearnerId)))
            {
                outcomes[outcome.LearnerId] = outcome;
            }

            if (refused.Count > 0 && attempt == WriteAttempts)
            {
                return Error.Conflict("These learners' records kept changing while assigning; try again.");
            }

            pending = [.. pending.Where(l => refused.Contains(l.Id))];
        }

        var ordered = chosen.Select(l => outcomes[l.Id]).ToArray();
        await Parallel.ForEachAsync(ordered, cancellationToken, async (o, ct) =>
            await enrollments.AddToLearnerListAsync(caller.OrganizationId, o.LearnerId, certificationId, ct).ConfigureAwait(false)).ConfigureAwait(false);

        var created = ordered.Where(o => o.Result == AssignmentResult.Created).Select(o => o.Enrollment).ToArray();
        var languages = chosen.ToDictionary(l => l.Id, l => l.LanguageIn(caller.Organization), StringComparer.Ordinal);
        await NotifyAsync(certification.Value, created, caller.User.DisplayName, languages, cancellationToken).ConfigureAwait(false);

        // Already-enrolled learners too: a retried request mends a workflow its first attempt did not get to start.
        await signals.StartAsync(durable, ordered.Select(o => o.Enrollment), cancellationToken).ConfigureAwait(false);
        return AssignmentReport.From(ordered, skipped);
    }

    /// <summary>The learners named directly and through groups; a coach's group members outside their team are skipped, not refused.</summary>
    private async Task<Result<(IReadOnlyList<User> Learners, IReadOnlyList<string> Skipped)>> ResolveLearnersAsync(
        Caller caller, AssignmentInput input, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var learnerIds = (input.LearnerIds ?? []).Distinct(StringComparer.Ordinal).ToArray();
        var groupIds = (input.GroupIds ?? []).Distinct(StringComparer.Ordinal).ToArray();
        if (learnerIds.Length == 0 && groupIds.Length == 0)
        {
            return Error.Invalid("learnerIds", "name at least one learner (learnerIds) or group (groupIds).");
        }

        var knownGroups = (await directory.ListGroupsAsync(caller.OrganizationId, cancellationToken).ConfigureAwait(false)).Select(
            g => g.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var unknown in groupIds.Where(g => !knownGroups.Contains(g)))
        {
            errors.Add("groupIds", $"group '{unknown}' does not exist in this organization.");
        }

        var named = await directory.GetUsersAsync(caller.OrganizationId, learnerIds, cancellationToken).ConfigureAwait(false);
        foreach (var unknown in learnerIds.Where(id => !named.ContainsKey(id)))
        {
            errors.Add("learnerIds", $"learner '{unknown}' does not exist in this organization.");
        }

        foreach (var disabled in named.Values.Where(u => !u.IsActive))
        {
            errors.Add("learnerIds", $"{disabled.DisplayName} is disabled; enable them first.");
        }

        if (errors.Any)
        {
            return errors.ToError();
        }

        var members = await directory.MemberIdsAsync(caller.OrganizationId, groupIds, cancellationToken).ConfigureAwait(false);
        var fromGroups = await directory.GetUsersAsync(
            caller.OrganizationId, members.Where(m => !named.ContainsKey(m)), cancellationToken).ConfigureAwait(false);
        var skipped = new List<string>();
        var learners = learnerIds.Select(id => named[id]).ToList();
        // Disabled members are no longer anyone's to assign: they are left out, not reported.
        foreach (var member in fromGroups.Values.Where(u => u.IsLearner && u.IsActive).OrderBy(u => u.Id, StringComparer.Ordinal))
        {
            if (caller.IsSuperAdmin || caller.Coaches(member))
            {
                learners.Add(member);
            }
            else
            {
                skipped.Add(member.Id);
            }
        }

        if (learners.Count > MaxLearnersPerAssignment)
        {
            return Error.Invalid("learnerIds", $"at most {MaxLearnersPerAssignment} learners in one assignment.");
        }

        return (learners, skipped);
    }

    private async Task NotifyAsync(
        Certification certification, IReadOnlyList<Domain.Enrollments.Enrollment> created, string assignedBy,
        IReadOnlyDictionary<string, string> languages, CancellationToken cancellationToken)
    {
        try
        {
            var messages = created.Select(e => email.Compose(certification, e, assignedBy, languages[e.LearnerId])).ToArray();
            await mail.SendAsync(messages, cancellationToken).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // The records are written and the assignment stands; a mail outage must not turn it into an error.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogMailFailed(logger, e, certification.Id, created.Count);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Assignment e-mails for {CertificationId} ({Count} learners) could not be sent")]
    private static partial void LogMailFailed(ILogger logger, Exception exception, string certificationId, int count);
}
