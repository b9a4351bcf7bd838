namespace Certifications.Domain.Catalog;

/// <summary>The four kinds of criterion of product.md.</summary>
public enum CriterionKind
{
    /// <summary>Tell or show the learner something; met when marked done or reported by the LMS.</summary>
    Content,

    /// <summary>Demonstrate knowledge: an LMS completion (minimum score) or evidence an assessor judges.</summary>
    Activity,

    /// <summary>A coach or admin reviews the learner on the spot.</summary>
    Review,

    /// <summary>A live certification session in which a coach rates named skills.</summary>
    LiveSession,
}

/// <summary>The wire names of criterion kinds (snake_case, as the API contract spells them).</summary>
public static class CriterionKinds
{
    private static readonly Dictionary<string, CriterionKind> ByName = new(StringComparer.Ordinal)
    {
        ["content"] = CriterionKind.Content,
        ["activity"] = CriterionKind.Activity,
        ["review"] = CriterionKind.Review,
        ["live_session"] = CriterionKind.LiveSession,
    };

    public static string Names => string.Join(", ", ByName.Keys);

    public static bool TryParse(string? name, out CriterionKind kind) => ByName.TryGetValue(name ?? string.Empty, out kind);

    public static string ToName(this CriterionKind kind) => ByName.First(pair => pair.Value == kind).Key;
}
