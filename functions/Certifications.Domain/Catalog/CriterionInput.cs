using Certifications.Domain.Common;

namespace Certifications.Domain.Catalog;

/// <summary>One criterion as an admin writes it; kind-specific fields are only valid on their kind.</summary>
public sealed record CriterionInput
{
    public const int DefaultMinStars = 3;

    public string? Id { get; init; }

    public string? Kind { get; init; }

    public string? Title { get; init; }

    public string? Description { get; init; }

    public string? ExternalActivityId { get; init; }

    public int? MinScore { get; init; }

    public bool? EvidenceRequired { get; init; }

    public IReadOnlyList<string>? Skills { get; init; }

    public int? MinStars { get; init; }

    internal Criterion? ToCriterion(FieldErrors errors, string path, string id)
    {
        var title = errors.RequireText($"{path}.title", Title, 200);
        var description = errors.RequireText($"{path}.description", Description, 2000, required: false, multiline: true);
        var activityId = errors.RequireText($"{path}.externalActivityId", ExternalActivityId, 200, required: false);
        if (!CriterionKinds.TryParse(Kind, out var kind))
        {
            errors.Add(
                $"{path}.kind",
                Kind is null ? $"is required: one of {CriterionKinds.Names}." : $"'{Kind}' is not a criterion kind; use one of {CriterionKinds.Names}.");
            return null;
        }

        if (activityId is not null && kind is not (CriterionKind.Content or CriterionKind.Activity))
        {
            errors.Add($"{path}.externalActivityId", "only content and activity criteria are completed by the LMS.");
        }

        if (MinScore is not null)
        {
            if (activityId is null)
            {
                errors.Add($"{path}.minScore", "needs an externalActivityId: the score comes from the LMS.");
            }
            else if (MinScore is < 0 or > 100)
            {
                errors.Add($"{path}.minScore", "must be between 0 and 100.");
            }
        }

        if (EvidenceRequired == true && kind != CriterionKind.Activity)
        {
            errors.Add($"{path}.evidenceRequired", "only activity criteria take evidence.");
        }

        if (kind == CriterionKind.Activity && activityId is null && EvidenceRequired != true)
        {
            errors.Add(
                $"{path}",
                "an activity criterion is met by an LMS completion (externalActivityId) or by evidence (evidenceRequired: true); give at least one.");
        }

        var skills = ValidateSkills(errors, path, kind);
        if (MinStars is not null && kind != CriterionKind.LiveSession)
        {
            errors.Add($"{path}.minStars", "only live_session criteria are rated in stars.");
        }
        else if (MinStars is < 1 or > 5)
        {
            errors.Add($"{path}.minStars", "must be between 1 and 5.");
        }

        if (errors.Any)
        {
            // The certification is not built when anything is wrong; the caller still sees every criterion's problems.
            return null;
        }

        return new Criterion
        {
            Id = id,
            Kind = kind,
            Title = title!,
            Description = description,
            ExternalActivityId = activityId,
            MinScore = MinScore,
            EvidenceRequired = EvidenceRequired == true,
            Skills = skills,
            MinStars = kind == CriterionKind.LiveSession ? MinStars ?? DefaultMinStars : null,
        };
    }

    private string[] ValidateSkills(FieldErrors errors, string path, CriterionKind kind)
    {
        var skills = (Skills ?? []).Select(s => s?.Trim() ?? string.Empty).ToArray();
        if (kind != CriterionKind.LiveSession)
        {
            if (skills.Length > 0)
            {
                errors.Add($"{path}.skills", "only live_session criteria have skills.");
            }

            return [];
        }

        if (skills.Length is 0 or > 20)
        {
            errors.Add($"{path}.skills", "a live_session criterion names 1 to 20 skills the coach rates.");
        }

        if (skills.Any(s => s.Length is 0 or > 100 || !TextRules.IsSingleLine(s)))
        {
            errors.Add($"{path}.skills", "each skill needs a name of one line and at most 100 characters.");
        }

        if (skills.Distinct(StringComparer.OrdinalIgnoreCase).Count() != skills.Length)
        {
            errors.Add($"{path}.skills", "skills must be distinct.");
        }

        return skills;
    }
}
