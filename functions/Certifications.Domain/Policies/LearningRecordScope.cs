using Certifications.Domain.Common;

namespace Certifications.Domain.Policies;

/// <summary>Whose learning records a caller may list: all (admin), their team's (coach), or none.</summary>
public sealed record LearningRecordScope(string? CoachId)
{
    public bool IsWholeOrganization => CoachId is null;

    public static Result<LearningRecordScope> For(Caller caller)
    {
        if (caller.IsSuperAdmin)
        {
            return new LearningRecordScope((string?)null);
        }

        return caller.IsCoach
            ? new LearningRecordScope(caller.Id)
            : Error.Forbidden("Only super admins and coaches can see learning records.");
    }
}
