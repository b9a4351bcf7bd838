using Certifications.Domain.Catalog;
using Certifications.Domain.Common;
using Certifications.Domain.Enrollments;
using Certifications.Domain.People;

namespace Certifications.Domain.Policies;

/// <summary>The rules of enrolling: self-enrollment needs view access, assignment does not, nobody is enrolled twice.</summary>
public static class EnrollmentPolicy
{
    public const int MaxMessageLength = 2000;

    public static Result<Enrollment> SelfEnroll(Caller caller, Certification certification, Enrollment? existing, DateTimeOffset now)
    {
        if (!caller.IsLearner)
        {
            return Error.Forbidden("Only learners can enroll themselves.");
        }

        if (existing is { IsActive: true })
        {
            return Error.Conflict("You are already enrolled in this certification.") with
            {
                Extensions = new Dictionary<string, object?> { ["enrollmentId"] = existing.Id },
            };
        }

        if (certification.Status == CertificationStatus.Draft)
        {
            return Error.NotFound("The certification");
        }

        if (!certification.GrantsViewAccessTo(caller.User.GroupIds))
        {
            return Error.Forbidden("You do not have view access to this certification; ask an admin to assign it to you.");
        }

        if (!certification.AcceptsEnrollments)
        {
            return Error.Conflict("This certification is archived and takes no new enrollments.");
        }

        return Enrollment.Create(certification, caller.User, EnrollmentSource.SelfEnrolled, caller.Id, now, withdrawn: existing);
    }

    /// <summary>Checks who may assign what, then says per learner whether a record is created or already exists.</summary>
    public static Result<IReadOnlyList<AssignmentOutcome>> Assign(
        Caller caller, Certification certification, IReadOnlyList<User> learners,
        IReadOnlyDictionary<string, Enrollment> existing, DateTimeOffset? dueDate, string? message, DateTimeOffset now)
    {
        if (!caller.IsSuperAdmin && !caller.IsCoach)
        {
            return Error.Forbidden("Only super admins and coaches can assign certifications.");
        }

        if (!caller.IsSuperAdmin)
        {
            var outsideTeam = learners.Where(l => !l.IsCoachedBy(caller.Id)).Select(l => l.Id).ToArray();
            if (outsideTeam.Length > 0)
            {
                return Error.Forbidden($"Coaches can assign only to members of their own team; not in your team: {string.Join(", ", outsideTeam)}.");
            }
        }

        var errors = new FieldErrors();
        dueDate = dueDate is { } given ? DueDates.EndOf(given) : null;
        if (dueDate is { } due)
        {
            errors.RequireAhead("dueDate", due, now, TimeRanges.PlanningHorizon);
        }

        message = errors.RequireText("message", message, MaxMessageLength, required: false, multiline: true);

        foreach (var notLearner in learners.Where(l => !l.IsLearner))
        {
            errors.Add("learnerIds", $"'{notLearner.Id}' is not a learner.");
        }

        if (errors.Any)
        {
            return errors.ToError();
        }

        if (certification.Status == CertificationStatus.Draft)
        {
            return Error.Conflict("Publish the certification before assigning it.");
        }

        if (!certification.AcceptsEnrollments)
        {
            return Error.Conflict("This certification is archived and takes no new enrollments.");
        }

        var outcomes = new List<AssignmentOutcome>(learners.Count);
        foreach (var learner in learners)
        {
            if (existing.TryGetValue(learner.Id, out var current) && current.IsActive)
            {
                // Assigning someone already enrolled adds no second record; it may give a self-enrollment its due date.
                var addDueDate = current.DueDate is null && dueDate is not null;
                outcomes.Add(
                    new AssignmentOutcome(learner.Id, AssignmentResult.AlreadyEnrolled, addDueDate ? current with { DueDate = dueDate } : current, addDueDate));
            }
            else
            {
                var enrollment = Enrollment.Create(certification, learner, EnrollmentSource.Assigned, caller.Id, now, dueDate, message, withdrawn: current);
                outcomes.Add(new AssignmentOutcome(learner.Id, AssignmentResult.Created, enrollment, DueDateAdded: false));
            }
        }

        return outcomes;
    }

    /// <summary>The learner, their coach and admins may read a learning record.</summary>
    public static bool CanView(Caller caller, Enrollment enrollment, User learner) =>
        caller.IsSuperAdmin || caller.Id == enrollment.LearnerId || (caller.IsCoach && learner.IsCoachedBy(caller.Id));

    /// <summary>Learners may leave what they chose themselves; an assignment is withdrawn by an admin.</summary>
    public static Error? CanWithdraw(Caller caller, Enrollment enrollment)
    {
        if (caller.IsSuperAdmin)
        {
            return null;
        }

        if (caller.Id != enrollment.LearnerId)
        {
            return Error.NotFound("The enrollment");
        }

        return enrollment.Source == EnrollmentSource.SelfEnrolled
            ? null
            : Error.Forbidden("An assigned certification can only be withdrawn by an admin.");
    }
}
