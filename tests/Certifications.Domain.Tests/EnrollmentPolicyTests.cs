using Certifications.Domain.Catalog;
using Certifications.Domain.Common;
using Certifications.Domain.Enrollments;
using Certifications.Domain.People;
using Certifications.Domain.Policies;

namespace Certifications.Domain.Tests;

public sealed class EnrollmentPolicyTests
{
    private const string Sales = "grp_sales";

    private static User LearnerIn(params string[] groups) => Build.User(Role.Learner) with { GroupIds = groups };

    private static Caller Admin() => Build.Caller(Build.User(Role.SuperAdmin));

    private static Result<IReadOnlyList<AssignmentOutcome>> Assign(
        Caller caller, Certification certification, User[] learners, Dictionary<string, Enrollment>? existing = null, DateTimeOffset? due = null) =>
        EnrollmentPolicy.Assign(caller, certification, learners, existing ?? [], due, "Please", Build.Now);

    [Fact]
    public void A_learner_with_view_access_can_self_enroll()
    {
        var enrollment = EnrollmentPolicy.SelfEnroll(Build.Caller(LearnerIn(Sales)), Build.Certification(viewAccess: Sales), null, Build.Now).Value;

        Assert.Equal(EnrollmentSource.SelfEnrolled, enrollment.Source);
        Assert.Equal(EnrollmentStatus.NotStarted, enrollment.Status);
    }

    [Fact]
    public void Learner_without_view_access_cannot_self_enroll() =>
        Assert.Equal(
            ErrorKind.Forbidden, EnrollmentPolicy.SelfEnroll(
            Build.Caller(LearnerIn("grp_other")), Build.Certification(viewAccess: Sales), null, Build.Now).Error!.Kind);

    [Fact]
    public void Nobody_is_enrolled_twice()
    {
        var learner = LearnerIn(Sales);
        var certification = Build.Certification(viewAccess: Sales);
        var first = EnrollmentPolicy.SelfEnroll(Build.Caller(learner), certification, null, Build.Now).Value;

        var second = EnrollmentPolicy.SelfEnroll(Build.Caller(learner), certification, first, Build.Now);

        Assert.Equal(ErrorKind.Conflict, second.Error!.Kind);
        Assert.Equal(first.Id, second.Error.Extensions!["enrollmentId"]);
    }

    [Fact]
    public void A_withdrawn_learner_can_enroll_again()
    {
        var learner = LearnerIn(Sales);
        var certification = Build.Certification(viewAccess: Sales);
        var withdrawn = Build.Enrollment(certification, learner, EnrollmentSource.SelfEnrolled) with { WithdrawnAt = Build.Now };

        Assert.True(EnrollmentPolicy.SelfEnroll(Build.Caller(learner), certification, withdrawn, Build.Now).IsSuccess);
    }

    [Fact]
    public void A_draft_does_not_exist_for_learners() =>
        Assert.Equal(
            ErrorKind.NotFound, EnrollmentPolicy.SelfEnroll(
            Build.Caller(LearnerIn(Sales)), Build.Certification(CertificationStatus.Draft, Sales), null, Build.Now).Error!.Kind);

    [Fact]
    public void An_archived_certification_takes_no_new_enrollments() =>
        Assert.Equal(
            ErrorKind.Conflict, EnrollmentPolicy.SelfEnroll(
            Build.Caller(LearnerIn(Sales)), Build.Certification(CertificationStatus.Archived, Sales), null, Build.Now).Error!.Kind);

    [Fact]
    public void Only_learners_self_enroll() =>
        Assert.Equal(ErrorKind.Forbidden, EnrollmentPolicy.SelfEnroll(Admin(), Build.Certification(viewAccess: Sales), null, Build.Now).Error!.Kind);

    [Fact]
    public void Assigned_learners_need_no_view_access()
    {
        var outcome = Assert.Single(Assign(Admin(), Build.Certification(), [LearnerIn()]).Value);

        Assert.Equal(AssignmentResult.Created, outcome.Result);
        Assert.Equal(EnrollmentSource.Assigned, outcome.Enrollment.Source);
        Assert.Equal("Please", outcome.Enrollment.Message);
    }

    [Fact]
    public void Assigning_someone_enrolled_creates_no_second_record_but_gives_a_self_enrollment_its_due_date()
    {
        var learner = LearnerIn(Sales);
        var certification = Build.Certification(viewAccess: Sales);
        var self = Build.Enrollment(certification, learner, EnrollmentSource.SelfEnrolled);
        var due = Build.Now.AddDays(30);

        var outcome = Assert.Single(Assign(Admin(), certification, [learner], new() { [learner.Id] = self }, due).Value);

        Assert.Equal(AssignmentResult.AlreadyEnrolled, outcome.Result);
        Assert.True(outcome.DueDateAdded);
        Assert.Equal(DueDates.EndOf(due), outcome.Enrollment.DueDate);
        Assert.Equal(EnrollmentSource.SelfEnrolled, outcome.Enrollment.Source);
    }

    [Fact]
    public void Assigning_again_keeps_the_due_date_already_set()
    {
        var learner = LearnerIn();
        var certification = Build.Certification();
        var assigned = Build.Enrollment(certification, learner) with { DueDate = Build.Now.AddDays(10) };

        var outcome = Assert.Single(Assign(Admin(), certification, [learner], new() { [learner.Id] = assigned }, Build.Now.AddDays(60)).Value);

        Assert.False(outcome.NeedsWrite);
        Assert.Equal(Build.Now.AddDays(10), outcome.Enrollment.DueDate);
    }

    [Fact]
    public void A_coach_assigns_only_to_their_own_team()
    {
        var coach = Build.User(Role.Coach);
        var mine = LearnerIn() with { CoachId = coach.Id };
        var theirs = LearnerIn() with { CoachId = "usr_someoneelse" };

        Assert.True(Assign(Build.Caller(coach), Build.Certification(), [mine]).IsSuccess);
        Assert.Equal(ErrorKind.Forbidden, Assign(Build.Caller(coach), Build.Certification(), [mine, theirs]).Error!.Kind);
    }

    [Fact]
    public void Learners_cannot_assign() =>
        Assert.Equal(ErrorKind.Forbidden, Assign(Build.Caller(LearnerIn()), Build.Certification(), [LearnerIn()]).Error!.Kind);

    [Fact]
    public void A_due_date_in_the_past_is_refused() =>
        Assert.Contains("dueDate", Assign(Admin(), Build.Certification(), [LearnerIn()], due: Build.Now.AddDays(-1)).Error!.Fields!.Keys);

    [Fact]
    public void Today_is_a_due_date_due_by_its_end()
    {
        var assigned = Assign(Admin(), Build.Certification(), [LearnerIn()], due: Build.Now.AddMinutes(-1)).Value!.Single();

        Assert.Equal(new DateTimeOffset(2026, 11, 25, 23, 59, 59, TimeSpan.Zero), assigned.Enrollment.DueDate);
    }

    [Fact]
    public void Only_learners_are_assigned() =>
        Assert.Contains("learnerIds", Assign(Admin(), Build.Certification(), [Build.User(Role.Coach)]).Error!.Fields!.Keys);

    [Fact]
    public void A_draft_must_be_published_before_it_is_assigned() =>
        Assert.Equal(ErrorKind.Conflict, Assign(Admin(), Build.Certification(CertificationStatus.Draft), [LearnerIn()]).Error!.Kind);

    [Fact]
    public void The_learner_their_coach_and_admins_see_a_record_and_nobody_else()
    {
        var coach = Build.User(Role.Coach);
        var learner = LearnerIn() with { CoachId = coach.Id };
        var enrollment = Build.Enrollment(learner: learner);

        Assert.True(EnrollmentPolicy.CanView(Build.Caller(learner), enrollment, learner));
        Assert.True(EnrollmentPolicy.CanView(Build.Caller(coach), enrollment, learner));
        Assert.True(EnrollmentPolicy.CanView(Admin(), enrollment, learner));
        Assert.False(EnrollmentPolicy.CanView(Build.Caller(Build.User(Role.Coach)), enrollment, learner));
        Assert.False(EnrollmentPolicy.CanView(Build.Caller(LearnerIn()), enrollment, learner));
    }

    [Fact]
    public void Learners_withdraw_from_what_they_chose_but_not_from_assignments()
    {
        var learner = LearnerIn();

        Assert.Null(EnrollmentPolicy.CanWithdraw(Build.Caller(learner), Build.Enrollment(learner: learner, source: EnrollmentSource.SelfEnrolled)));
        Assert.Equal(ErrorKind.Forbidden, EnrollmentPolicy.CanWithdraw(Build.Caller(learner), Build.Enrollment(learner: learner))!.Kind);
        Assert.Null(EnrollmentPolicy.CanWithdraw(Admin(), Build.Enrollment(learner: learner)));
    }

    [Fact]
    public void Learning_records_are_for_admins_all_and_coaches_their_team()
    {
        var coach = Build.User(Role.Coach);

        Assert.True(LearningRecordScope.For(Admin()).Value.IsWholeOrganization);
        Assert.Equal(coach.Id, LearningRecordScope.For(Build.Caller(coach)).Value.CoachId);
        Assert.Equal(ErrorKind.Forbidden, LearningRecordScope.For(Build.Caller(LearnerIn())).Error!.Kind);
    }
}
