namespace Certifications.Domain.People;

/// <summary>A named set of users; view access and group assignment work through groups.</summary>
public sealed record Group
{
    public required string Id { get; init; }

    public required string OrganizationId { get; init; }

    public required string Name { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
}
