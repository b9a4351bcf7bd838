using Certifications.Domain.Common;

namespace Certifications.Domain.Catalog;

/// <summary>A certification as an admin writes it (create or edit).</summary>
public sealed record CertificationInput
{
    public const int MaxCriteria = 50;

    /// <summary>
    /// The criteria are kept in one table column (32K UTF-16 characters): their texts together, with what each
    /// criterion's fields take around them, stay below this.
    /// </summary>
    public const int MaxCriteriaStoredLength = 28_000;

    /// <summary>An upper bound of what a criterion's ids, kind, numbers and field names take when stored.</summary>
    private const int CriterionOverhead = 300;

    public string? Title { get; init; }

    public string? Description { get; init; }

    public bool RequireApproval { get; init; }

    public int? ValidityMonths { get; init; }

    public IReadOnlyList<CriterionInput>? Criteria { get; init; }

    /// <summary>A new Draft, its certificate in the organization's language, or every field that is wrong.</summary>
    public Result<Certification> ToNewCertification(string organizationId, string language, DateTimeOffset now, Func<string> newCriterionId)
    {
        var errors = new FieldErrors();
        var criteria = Validate(errors, new HashSet<string>(), newCriterionId, out var title, out var description);
        if (errors.Any)
        {
            return errors.ToError();
        }

        return new Certification
        {
            Id = Ids.New(Ids.Certification),
            OrganizationId = organizationId,
            Title = title!,
            Description = description ?? string.Empty,
            RequireApproval = RequireApproval,
            ValidityMonths = ValidityMonths,
            Criteria = criteria,
            Design = CertificateDesign.DefaultIn(language),
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    /// <summary>The edited certification; criteria keep their ids (and so learners' progress) when the input names them.</summary>
    public Result<Certification> ApplyTo(Certification existing, DateTimeOffset now, Func<string> newCriterionId)
    {
        if (existing.Status == CertificationStatus.Archived)
        {
            return Error.Conflict("An archived certification cannot be edited.");
        }

        var errors = new FieldErrors();
        var criteria = Validate(
            errors, existing.Criteria.Select(c => c.Id).ToHashSet(StringComparer.Ordinal), newCriterionId, out var title, out var description);
        if (existing.Status == CertificationStatus.Published && criteria.Count == 0)
        {
            errors.Add("criteria", "a published certification needs at least one criterion.");
        }

        if (errors.Any)
        {
            return errors.ToError();
        }

        return existing with
        {
            Title = title!,
            Description = description ?? string.Empty,
            RequireApproval = RequireApproval,
            ValidityMonths = ValidityMonths,
            Criteria = criteria,
            UpdatedAt = now,
        };
    }

    private List<Criterion> Validate(
        FieldErrors errors, IReadOnlySet<string> existingCriterionIds, Func<string> newCriterionId, out string? title, out string? description)
    {
        title = errors.RequireText("title", Title, 200);
        description = errors.RequireText("description", Description, 4000, required: false, multiline: true);
        if (ValidityMonths is < 1 or > 120)
        {
            errors.Add("validityMonths", "must be between 1 and 120 months, or left out for certificates that never expire.");
        }

        var inputs = Criteria ?? [];
        if (inputs.Count > MaxCriteria)
        {
            errors.Add("criteria", $"at most {MaxCriteria} criteria.");
        }

        var criteria = new List<Criterion>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < inputs.Count; i++)
        {
            var input = inputs[i];
            var path = $"criteria[{i}]";
            if (input is null)
            {
                errors.Add(path, "must be an object.");
                continue;
            }

            var id = input.Id;
            if (id is not null && !existingCriterionIds.Contains(id))
            {
                errors.Add($"{path}.id", $"'{id}' is not a criterion of this certification; leave id out for a new criterion.");
            }
            else if (id is not null && !seen.Add(id))
            {
                errors.Add($"{path}.id", $"'{id}' appears more than once.");
            }

            var criterion = input.ToCriterion(errors, path, id ?? newCriterionId());
            if (criterion is not null)
            {
                criteria.Add(criterion);
            }
        }

        var stored = criteria.Sum(
            c => CriterionOverhead + c.Title.Length + (c.Description?.Length ?? 0) + (c.ExternalActivityId?.Length ?? 0) + c.Skills.Sum(s => s.Length + 3));
        if (stored > MaxCriteriaStoredLength)
        {
            errors.Add(
                "criteria",
                $"together take {stored:N0} characters, more than the {MaxCriteriaStoredLength:N0} a certification keeps; "
                + "shorten descriptions or use fewer criteria.");
        }

        return criteria;
    }
}
