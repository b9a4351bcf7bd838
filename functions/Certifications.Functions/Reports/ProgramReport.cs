using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Certifications.Domain.Enrollments;
using Certifications.Domain.Reports;
using CsvHelper;

namespace Certifications.Functions.Reports;

/// <summary>
/// The program report of an organization: per certification, learners per status, overdue learners and
/// certificates earned this month, with the recommended coach actions per status; as CSV and as a one-page HTML
/// summary whose stacked bars show where each certification's learners stand.
/// </summary>
public static class ProgramReport
{
    public static readonly IReadOnlyList<string> Header =
        ["Certification", "Status", "Learners", "Overdue learners (certification)", "Earned this month (certification)", "Recommended coach actions"];

    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    private static readonly IReadOnlyDictionary<EnrollmentStatus, string> Colours = new Dictionary<EnrollmentStatus, string>
    {
        [EnrollmentStatus.NotStarted] = "#B8C2CC",
        [EnrollmentStatus.Started] = "#7FA7D9",
        [EnrollmentStatus.InProgress] = "#3D7CC9",
        [EnrollmentStatus.Submitted] = "#E0A526",
        [EnrollmentStatus.NotEarned] = "#D1495B",
        [EnrollmentStatus.Earned] = "#2E9E5B",
    };

    public static async Task WriteCsvAsync(Stream output, IReadOnlyList<ProgramTally> tallies, CancellationToken cancellationToken)
    {
        var writer = new StreamWriter(output, CriteriaProgressCsv.Utf8WithBom, leaveOpen: true);
        await using (writer.ConfigureAwait(false))
        {
            var csv = new CsvWriter(writer, CultureInfo.InvariantCulture, leaveOpen: true);
            await using (csv.ConfigureAwait(false))
            {
                foreach (var cell in Header)
                {
                    csv.WriteField(cell);
                }

                await csv.NextRecordAsync().ConfigureAwait(false);
                foreach (var tally in tallies)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    foreach (var status in Enum.GetValues<EnrollmentStatus>())
                    {
                        csv.WriteField(CsvCells.Neutralise(tally.Certification.Title));
                        csv.WriteField(status.ToDisplayName());
                        csv.WriteField(tally.Count(status));
                        csv.WriteField(tally.Overdue);
                        csv.WriteField(tally.EarnedThisMonth);
                        csv.WriteField(string.Join(" / ", CoachActions.For(status)));
                        await csv.NextRecordAsync().ConfigureAwait(false);
                    }
                }

                await csv.FlushAsync().ConfigureAwait(false);
            }
        }
    }

    public static string Summary(string organizationName, IReadOnlyList<ProgramTally> tallies, DateTimeOffset now)
    {
        var html = new StringBuilder();
        html.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Program report — ").Append(E(organizationName)).Append("</title>")
            .Append("<style>body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:60rem;color:#222}h1{margin-bottom:.2rem}.muted{color:#666}")
            .Append("table{border-collapse:collapse;width:100%;margin:1rem 0}")
            .Append("th,td{padding:.3rem .5rem;border-bottom:1px solid #ddd;text-align:right}")
            .Append("th:first-child,td:first-child{text-align:left}")
            .Append(".legend span{display:inline-block;margin-right:1rem}")
            .Append(".legend i{display:inline-block;width:.8rem;height:.8rem;margin-right:.3rem;vertical-align:-1px}")
            .Append("ul{margin:.2rem 0 .8rem}.figures{font-size:1.1rem}</style></head><body>")
            .Append("<h1>Program report</h1><p class=\"muted\">").Append(E(organizationName)).Append(" · ").Append(
                now.ToString("d MMMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture)).Append("</p>");

        var (everyone, earned, earnedThisMonth, overdue) = (tallies.Sum(t => t.Total), tallies.Sum(t => t.Count(EnrollmentStatus.Earned)),
            tallies.Sum(t => t.EarnedThisMonth), tallies.Sum(t => t.Overdue));
        html.Append("<p class=\"figures\"><b>").Append(everyone).Append("</b> learners in ").Append(tallies.Count).Append(" certifications · <b>")
            .Append(earned).Append("</b> earned (").Append(earnedThisMonth).Append(" this month) · <b>").Append(overdue).Append("</b> overdue</p>");
        html.Append("<p class=\"legend\">");
        foreach (var status in Enum.GetValues<EnrollmentStatus>())
        {
            html.Append("<span><i style=\"background:").Append(Colours[status]).Append("\"></i>").Append(E(status.ToDisplayName())).Append("</span>");
        }

        html.Append("</p>").Append(Chart(tallies));
        html.Append("<table><thead><tr><th>Certification</th>");
        foreach (var status in Enum.GetValues<EnrollmentStatus>())
        {
            html.Append("<th>").Append(E(status.ToDisplayName())).Append("</th>");
        }

        html.Append("<th>Overdue</th><th>Earned this month</th></tr></thead><tbody>");
        foreach (var tally in tallies)
        {
            html.Append("<tr data-certification=\"").Append(E(tally.Certification.Id)).Append("\"><td>").Append(E(tally.Certification.Title)).Append("</td>");
            foreach (var status in Enum.GetValues<EnrollmentStatus>())
            {
                html.Append("<td data-status=\"").Append(status).Append("\">").Append(tally.Count(status)).Append("</td>");
            }

            html.Append("<td data-overdue>").Append(tally.Overdue).Append("</td><td data-earned-this-month>").Append(tally.EarnedThisMonth).Append(
                "</td></tr>");
        }

        html.Append("</tbody></table><h2>What coaches can do</h2>");
        foreach (var status in Enum.GetValues<EnrollmentStatus>())
        {
            var learners = tallies.Sum(t => t.Count(status));
            html.Append("<h3>").Append(E(status.ToDisplayName())).Append(" <span class=\"muted\">(").Append(learners).Append(
                learners == 1 ? " learner" : " learners").Append(")</span></h3><ul>");
            foreach (var action in CoachActions.For(status))
            {
                html.Append("<li>").Append(E(action)).Append("</li>");
            }

            html.Append("</ul>");
        }

        return html.Append("</body></html>").ToString();
    }

    /// <summary>One horizontal bar per certification, its segments the statuses in proportion, labelled with the total.</summary>
    private static string Chart(IReadOnlyList<ProgramTally> tallies)
    {
        const int labelWidth = 260, barWidth = 560, rowHeight = 30, barHeight = 18;
        var svg = new StringBuilder();
        svg.Append(
            CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"Learners per status, per certification\" ");
        svg.Append(
            CultureInfo.InvariantCulture,
            $"width=\"{labelWidth + barWidth + 60}\" height=\"{Math.Max(1, tallies.Count) * rowHeight + 10}\" ");
        svg.Append("font-family=\"system-ui,sans-serif\" font-size=\"13\">");
        for (var i = 0; i < tallies.Count; i++)
        {
            var tally = tallies[i];
            var y = (i * rowHeight) + 5;
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"{y + 14}\">{E(Trim(tally.Certification.Title, 36))}</text>");
            var x = (double)labelWidth;
            foreach (var status in Enum.GetValues<EnrollmentStatus>())
            {
                var width = tally.Total == 0 ? 0 : barWidth * tally.Count(status) / (double)tally.Total;
                if (width > 0)
                {
                    svg.Append(
                        CultureInfo.InvariantCulture,
                        $"<rect x=\"{x:F1}\" y=\"{y}\" width=\"{width:F1}\" height=\"{barHeight}\" fill=\"{Colours[status]}\">");
                    svg.Append(CultureInfo.InvariantCulture, $"<title>{E(status.ToDisplayName())}: {tally.Count(status)}</title></rect>");
                    x += width;
                }
            }

            if (tally.Total == 0)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{labelWidth}\" y=\"{y}\" width=\"{barWidth}\" height=\"{barHeight}\" fill=\"#F0F0F0\"/>");
            }

            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{labelWidth + barWidth + 8}\" y=\"{y + 14}\">{tally.Total}</text>");
        }

        return svg.Append("</svg>").ToString();
    }

    private static string Trim(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    private static string E(string text) => Html.Encode(text);
}
