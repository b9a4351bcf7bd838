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

    public static string Slug(string title) =>
        string.Join(
            '-', new string([.. title.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : ' ')]).Split(
            ' ', StringSplitOptions.RemoveEmptyEntries)) is { Length: > 0 } slug
            ? slug
            : "certification";

    private static async Task WriteRecordAsync(CsvWriter csv, IEnumerable<string> cells)
    {
        foreach (var cell in cells)
        {
            csv.WriteField(cell);
        }

        await csv.NextRecordAsync().ConfigureAwait(false);
    }
}
