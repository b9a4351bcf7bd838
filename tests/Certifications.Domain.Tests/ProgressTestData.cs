using Certifications.Domain.Catalog;
using Certifications.Domain.Common;
using Certifications.Domain.Enrollments;
using Certifications.Domain.People;
using Certifications.Domain.Policies;

namespace Certifications.Domain.Tests;

/// <summary>A certification of every kind the workflow handles, with its learner, coach and admin.</summary>
internal sealed class ProgressTestData
{
    public ProgressTestData(bool requireApproval = false)
    {
        Coach = Build.User(Role.Coach) with { DisplayName = "Carla Coach" };
        Learner = Build.User(Role.Learner) with { DisplayName = "Lena Learner", CoachId = Coach.Id };
        Admin = Build.User(Role.SuperAdmin) with { DisplayName = "Ada Admin" };
        Certification = Build.Certification() with
        {
            RequireApproval = requireApproval,
            Criteria =
            [
                new() { Id = Ids.New(Ids.Criterion), Kind = CriterionKind.Content, Title = "Read the guide", ExternalActivityId = "guide" },
                new() { Id = Ids.New(Ids.Criterion), Kind = CriterionKind.Activity, Title = "Pass the quiz", ExternalActivityId = "quiz", MinScore = 80 },
                new() { Id = Ids.New(Ids.Criterion), Kind = CriterionKind.Activity, Title = "Upload a role-play", EvidenceRequired = true },
                new() { Id = Ids.New(Ids.Criterion), Kind = CriterionKind.Review, Title = "Coach observes a call" },
            ],
        };
        Enrollment = Build.Enrollment(Certification, Learner);
    }

    public User Learner { get; }

    public User Coach { get; }

    public User Admin { get; }

    public Certification Certification { get; }

    public Enrollment Enrollment { get; }

    public string Content => Certification.Criteria[0].Id;

    public string Quiz => Certification.Criteria[1].Id;

    public string Upload => Certification.Criteria[2].Id;

    public string Review => Certification.Criteria[3].Id;

    public Caller AsCoach => Build.Caller(Coach);

    public static EvidenceItem Evidence(string text = "My role-play notes") => new() { Id = Ids.New(Ids.Evidence), Text = text, AddedAt = Build.Now };
}
