using Certifications.Domain.Catalog;
using Certifications.Domain.Common;
using Certifications.Domain.Enrollments;
using Certifications.Domain.Organizations;
using Certifications.Domain.People;
using Certifications.Domain.Policies;

namespace Certifications.Domain.Tests;

/// <summary>Builders for test data: valid by default, each test changes only what it is about.</summary>
internal static class Build
{
    public static readonly DateTimeOffset Now = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);
    public const string OrgId = "org_00000000000000000000000001";

    public static Organization Organization() => new() { Id = OrgId, Name = "Northwind", CertificationsEnabled = true, CreatedAt = Now };

    public static User User(params Role[] roles) => new()
    {
        Id = Ids.New(Ids.User),
        OrganizationId = OrgId,
        Email = "someone@northwind.example",
        DisplayName = "Someone",
        Roles = roles.Length == 0 ? [Role.Learner] : roles,
        CreatedAt = Now,
    };

    public static Caller Caller(User user) => new(user, Organization());

    public static Criterion Criterion(CriterionKind kind = CriterionKind.Content) =>
        new() { Id = Ids.New(Ids.Criterion), Kind = kind, Title = kind.ToString() };

    public static Certification Certification(CertificationStatus status = CertificationStatus.Published, params string[] viewAccess) => new()
    {
        Id = Ids.New(Ids.Certification),
        OrganizationId = OrgId,
        Title = "Customer Conversations",
        Status = status,
        Criteria = [Criterion(CriterionKind.Content), Criterion(CriterionKind.Review)],
        ViewAccessGroupIds = viewAccess,
        CreatedAt = Now,
        UpdatedAt = Now,
    };

    public static Enrollment Enrollment(Certification? certification = null, User? learner = null, EnrollmentSource source = EnrollmentSource.Assigned) =>
        Domain.Enrollments.Enrollment.Create(certification ?? Certification(), learner ?? User(Role.Learner), source, "usr_admin", Now);

    /// <summary>The enrollment with the criteria in the given states, in order.</summary>
    public static Enrollment WithStates(this Enrollment enrollment, params CriterionState[] states) => enrollment with
    {
        Criteria = [.. enrollment.Criteria.Zip(states, (c, s) => c with { State = s })],
    };
}
