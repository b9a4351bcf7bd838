using System.Globalization;
using System.Text;
using Certifications.Domain.Catalog;
using Certifications.Domain.Enrollments;
using Certifications.Domain.Reports;
using CsvHelper;

namespace Certifications.Functions.Reports;

/// <summary>
/// Writes the Certification Criteria Progress Report as RFC 4180 CSV in UTF-8 with a byte-order mark (so Excel reads
/// accents right), row by row as the records stream in: memory stays flat whatever the number of learners.
/// </summary>
public static class CriteriaProgressCsv
{
    public const string ContentType = "text/csv";

    public static readonly Encoding Utf8WithBom = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

    public static async Task<long> WriteAsync(
        Stream output, Certification certification, IAsyncEnumerable<Enrollment> records, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var rows = 0L;
        var writer = new StreamWriter(output, Utf8WithBom, bufferSize: 64 * 1024, leaveOpen: true);
        await using (writer.ConfigureAwait(false))
        {
            var csv = new CsvWriter(writer, CultureInfo.InvariantCulture, leaveOpen: true);
            await using (csv.ConfigureAwait(false))
            {
                await WriteRecordAsync(csv, CriteriaProgressRow.Header).ConfigureAwait(false);
                await foreach (var enrollment in records.WithCancellation(cancellationToken).ConfigureAwait(false))
                {
                    foreach (var row in CriteriaProgressRow.For(enrollment, certification, now))
                    {
                        await WriteRecordAsync(csv, row.Cells).ConfigureAwait(false);
                        rows++;
                    }
                }

                await csv.FlushAsync().ConfigureAwait(false);
            }
        }

        return rows;
    }

    public static string FileName(Certification certification, DateTimeOffset now) =>
        $"criteria-progress-{Slug(certification.Title)}-{now:yyyy-MM-dd}.csv";

    /// <summary>
    /// A title as a file name's part: its words in lower case joined by hyphens, letters of every script kept with their
    /// accents and marks ("négociation-avancée", "交渉"), anything else a separator; at most 80 characters.
    /// </summary>
    public static string Slug(string title)
    {
        var words = new StringBuilder();
        foreach (var rune in title.Normalize(NormalizationForm.FormC).EnumerateRunes())
        {
            words.Append(KeptInName(rune) ? Rune.ToLowerInvariant(rune).ToString() : " ");
        }

        var slug = string.Join('-', words.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
        // A cut must not split a character written as two code units.
        var cut = slug.Length <= 80 ? slug : slug[..(char.IsHighSurrogate(slug[79]) ? 79 : 80)].TrimEnd('-');
        return cut.Length > 0 ? cut : "certification";
    }

    private static bool KeptInName(Rune rune) =>
        Rune.IsLetterOrDigit(rune) || Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;

    private static async Task WriteRecordAsync(CsvWriter csv, IEnumerable<string> cells)
    {
        foreach (var cell in cells)
        {
            csv.WriteField(cell);
        }

        await csv.NextRecordAsync().ConfigureAwait(false);
    }
}
