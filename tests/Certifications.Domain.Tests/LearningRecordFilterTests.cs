using Certifications.Domain.Enrollments;

namespace Certifications.Domain.Tests;

public class LearningRecordFilterTests
{
    private static readonly Enrollment Zoe = Build.Enrollment() with { LearnerName = "Zoë Ångström-Núñez", LearnerEmail = "zoe@northwind.example" };

    [Theory]
    [InlineData("zoe", true)]
    [InlineData("ANGSTRÖM", true)]
    [InlineData("  nunez ", true)]
    [InlineData("northwind.example", true)]
    [InlineData("liam", false)]
    public void Search_finds_a_part_of_the_name_or_email_ignoring_case_and_accents(string search, bool found) =>
        Assert.Equal(found, new LearningRecordFilter(Search: search).Matches(Zoe, Build.Now));

    [Fact]
    public void Overdue_keeps_only_records_past_their_due_date_that_are_not_earned_and_false_keeps_the_others()
    {
        var late = Zoe with { DueDate = Build.Now.AddDays(-1) };
        var onTime = Zoe with { DueDate = Build.Now.AddDays(1) };

        Assert.True(new LearningRecordFilter(Overdue: true).Matches(late, Build.Now));
        Assert.False(new LearningRecordFilter(Overdue: true).Matches(onTime, Build.Now));
        Assert.True(new LearningRecordFilter(Overdue: false).Matches(onTime, Build.Now));
        Assert.True(new LearningRecordFilter().Matches(late, Build.Now));
    }
}
