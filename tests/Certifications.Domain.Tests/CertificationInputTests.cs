using Certifications.Domain.Catalog;
using Certifications.Domain.Common;
using Certifications.Domain.Languages;

namespace Certifications.Domain.Tests;

public sealed class CertificationInputTests
{
    private static Result<Certification> Create(CertificationInput input) =>
        input.ToNewCertification(Build.OrgId, ProductLanguages.Default, Build.Now, () => Ids.New(Ids.Criterion));

    private static CertificationInput Valid() => new()
    {
        Title = "Customer Conversations",
        Criteria =
        [
            new() { Kind = "content", Title = "Read the guide" },
            new() { Kind = "activity", Title = "Quiz", ExternalActivityId = "quiz-1", MinScore = 80 },
            new() { Kind = "activity", Title = "Role-play", EvidenceRequired = true },
            new() { Kind = "review", Title = "Observed call" },
            new() { Kind = "live_session", Title = "Live call", Skills = ["Greeting", "Closing"], MinStars = 4 },
        ],
    };

    [Fact]
    public void A_valid_certification_is_created_as_a_draft_with_every_kind_of_criterion()
    {
        var certification = Create(Valid()).Value;

        Assert.Equal(CertificationStatus.Draft, certification.Status);
        Assert.Equal(
            [CriterionKind.Content, CriterionKind.Activity, CriterionKind.Activity, CriterionKind.Review, CriterionKind.LiveSession],
            certification.Criteria.Select(c => c.Kind));
        Assert.All(certification.Criteria, c => Assert.True(Ids.IsWellFormed(c.Id, Ids.Criterion)));
    }

    [Fact]
    public void Live_session_criteria_default_to_three_stars()
    {
        var input = Valid() with { Criteria = [new() { Kind = "live_session", Title = "Live", Skills = ["Greeting"] }] };

        Assert.Equal(3, Create(input).Value.Criteria[0].MinStars);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_title_is_required(string? title) =>
        Assert.Contains("title", Create(Valid() with { Title = title }).Error!.Fields!.Keys);

    [Fact]
    public void An_unknown_criterion_kind_is_named_with_the_kinds_that_exist()
    {
        var error = Create(Valid() with { Criteria = [new() { Kind = "quiz", Title = "x" }] }).Error!;

        var message = Assert.Single(error.Fields!["criteria[0].kind"]);
        Assert.Contains("'quiz'", message, StringComparison.Ordinal);
        Assert.Contains("live_session", message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_activity_needs_an_lms_activity_or_evidence() =>
        Assert.Contains("criteria[0]", Create(Valid() with { Criteria = [new() { Kind = "activity", Title = "x" }] }).Error!.Fields!.Keys);

    [Fact]
    public void A_minimum_score_needs_an_lms_activity() =>
        Assert.Contains(
            "criteria[0].minScore", Create(
            Valid() with { Criteria = [new() { Kind = "activity", Title = "x", EvidenceRequired = true, MinScore = 50 }] }).Error!.Fields!.Keys);

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    public void A_minimum_score_is_a_percentage(int score) =>
        Assert.Contains(
            "criteria[0].minScore", Create(
            Valid() with { Criteria = [new() { Kind = "activity", Title = "x", ExternalActivityId = "a", MinScore = score }] }).Error!.Fields!.Keys);

    [Fact]
    public void A_live_session_needs_skills() =>
        Assert.Contains("criteria[0].skills", Create(Valid() with { Criteria = [new() { Kind = "live_session", Title = "x" }] }).Error!.Fields!.Keys);

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    public void Minimum_stars_are_one_to_five(int stars) =>
        Assert.Contains(
            "criteria[0].minStars", Create(
            Valid() with { Criteria = [new() { Kind = "live_session", Title = "x", Skills = ["a"], MinStars = stars }] }).Error!.Fields!.Keys);

    [Fact]
    public void Skills_belong_only_to_live_sessions() =>
        Assert.Contains("criteria[0].skills", Create(Valid() with { Criteria = [new() { Kind = "review", Title = "x", Skills = ["a"] }] }).Error!.Fields!.Keys);

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var error = Create(new CertificationInput { Title = "", ValidityMonths = 0, Criteria = [new() { Kind = "nope" }, new() { Kind = "review" }] }).Error!;

        Assert.Equal(
            ["criteria[0].kind", "criteria[0].title", "criteria[1].title", "title", "validityMonths"], error.Fields!.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Editing_keeps_the_ids_of_criteria_it_names_so_progress_is_kept()
    {
        var original = Create(Valid()).Value;
        var keep = original.Criteria[0];

        var edited = (Valid() with
        {
            Criteria = [new() { Id = keep.Id, Kind = "content", Title = "Read the new guide" },
            new() { Kind = "review", Title = "New" }]
        })
            .ApplyTo(original, Build.Now, () => Ids.New(Ids.Criterion)).Value;

        Assert.Equal(keep.Id, edited.Criteria[0].Id);
        Assert.Equal("Read the new guide", edited.Criteria[0].Title);
        Assert.DoesNotContain(edited.Criteria[1].Id, original.Criteria.Select(c => c.Id));
    }

    [Fact]
    public void Editing_refuses_criterion_ids_the_certification_does_not_have()
    {
        var original = Create(Valid()).Value;

        var error = (Valid() with { Criteria = [new() { Id = "cri_someoneelses", Kind = "content", Title = "x" }] })
            .ApplyTo(original, Build.Now, () => Ids.New(Ids.Criterion)).Error!;

        Assert.Contains("criteria[0].id", error.Fields!.Keys);
    }

    [Fact]
    public void An_archived_certification_cannot_be_edited()
    {
        var archived = Build.Certification(CertificationStatus.Archived);

        Assert.Equal(ErrorKind.Conflict, Valid().ApplyTo(archived, Build.Now, () => Ids.New(Ids.Criterion)).Error!.Kind);
    }

    [Fact]
    public void Publishing_needs_a_criterion()
    {
        var empty = Build.Certification(CertificationStatus.Draft) with { Criteria = [] };

        Assert.Equal(ErrorKind.Conflict, empty.Publish(Build.Now).Error!.Kind);
    }

    [Fact]
    public void Publishing_twice_is_the_same_as_publishing_once()
    {
        var published = Build.Certification(CertificationStatus.Draft).Publish(Build.Now).Value;

        var again = published.Publish(Build.Now.AddHours(1)).Value;

        Assert.Equal(CertificationStatus.Published, again.Status);
        Assert.Equal(Build.Now, again.PublishedAt);
    }

    [Fact]
    public void An_archived_certification_cannot_be_published_again() =>
        Assert.Equal(ErrorKind.Conflict, Build.Certification(CertificationStatus.Archived).Publish(Build.Now).Error!.Kind);

    [Fact]
    public void Archiving_stops_new_enrollments()
    {
        var archived = Build.Certification().Archive(Build.Now);

        Assert.Equal(CertificationStatus.Archived, archived.Status);
        Assert.False(archived.AcceptsEnrollments);
    }
}
