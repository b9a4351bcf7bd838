using Certifications.Domain.Enrollments;
using Certifications.Domain.Reports;

namespace Certifications.Domain.Tests;

public class ReportRulesTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.example\",\"click\")", "'=HYPERLINK(\"http://evil.example\",\"click\")")]
    [InlineData("+1 555", "'+1 555")]
    [InlineData("-2", "'-2")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("Zoë Ångström-Núñez", "Zoë Ångström-Núñez")]
    [InlineData("", "")]
    public void A_cell_a_spreadsheet_would_run_as_a_formula_is_shown_as_text(string value, string expected)
    {
        Assert.Equal(expected, CsvCells.Neutralise(value));
    }

    [Fact]
    public void Every_status_comes_with_coach_actions()
    {
        Assert.All(Enum.GetValues<EnrollmentStatus>(), status => Assert.NotEmpty(CoachActions.For(status)));
    }

    [Fact]
    public void Certificates_are_counted_in_the_month_they_were_earned_and_those_near_expiry_are_named()
    {
        var now = Build.Now; // 25 November 2026
        var certification = Build.Certification() with { ValidityMonths = 12 };
        var tally = new ProgramTally(certification, now);
        Enrollment Earned(DateTimeOffset at, string certificate) =>
            Build.Enrollment(certification) with { EarnedAt = at, CertificateId = certificate, StartedAt = at, SubmittedAt = at };

        tally.Add(Earned(now.AddDays(-2), "cer_thismonth"));
        tally.Add(Earned(new DateTimeOffset(2026, 1, 31, 23, 0, 0, TimeSpan.Zero), "cer_january"));
        tally.Add(Earned(new DateTimeOffset(2025, 12, 10, 0, 0, 0, TimeSpan.Zero), "cer_expiring")); // expires 10 December 2026
        tally.Add(Earned(new DateTimeOffset(2025, 11, 1, 0, 0, 0, TimeSpan.Zero), "cer_lastyear")); // thirteen months ago: expired

        Assert.Equal(12, tally.EarnedByMonth.Count);
        Assert.Equal(new DateOnly(2025, 12, 1), ProgramTally.MonthsTo(now)[0]);
        Assert.Equal(new DateOnly(2026, 11, 1), ProgramTally.MonthsTo(now)[^1]);
        Assert.Equal([1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1], tally.EarnedByMonth);
        Assert.Equal(1, tally.EarnedThisMonth);
        Assert.Equal(["cer_expiring"], tally.MayExpireSoon);
    }
}
