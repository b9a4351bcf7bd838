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
}
