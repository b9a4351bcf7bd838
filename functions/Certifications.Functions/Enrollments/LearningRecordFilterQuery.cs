using Certifications.Domain.Common;
using Certifications.Domain.Enrollments;
using Microsoft.AspNetCore.Http;

namespace Certifications.Functions.Enrollments;

/// <summary>Reads a learning-record filter from the query string: ?status=&amp;source=&amp;overdue=&amp;search=.</summary>
public static class LearningRecordFilterQuery
{
    public static Result<LearningRecordFilter> From(HttpRequest request)
    {
        var errors = new FieldErrors();
        var status = ParseEnum<EnrollmentStatus>(errors, request, "status");
        var source = ParseEnum<EnrollmentSource>(errors, request, "source");
        bool? overdue = null;
        var rawOverdue = request.Query["overdue"].ToString();
        if (rawOverdue.Length > 0)
        {
            if (bool.TryParse(rawOverdue, out var value))
            {
                overdue = value;
            }
            else
            {
                errors.Add("overdue", "must be true or false.");
            }
        }

        var search = request.Query["search"].ToString();
        if (!SearchText.IsAcceptable(search))
        {
            errors.Add("search", SearchText.Rule);
        }

        return errors.Any ? errors.ToError() : new LearningRecordFilter(status, source, overdue, search.Length > 0 ? search : null);
    }

    /// <summary>An optional enum filter, accepting the name ("InProgress") or the words people read ("In progress", "in_progress").</summary>
    private static T? ParseEnum<T>(FieldErrors errors, HttpRequest request, string name)
        where T : struct, Enum
    {
        var raw = request.Query[name].ToString();
        if (raw.Length == 0)
        {
            return null;
        }

        var compact = raw.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("_", string.Empty, StringComparison.Ordinal).Replace(
            "-", string.Empty, StringComparison.Ordinal);
        if (Enum.TryParse<T>(compact, ignoreCase: true, out var value) && Enum.IsDefined(value) && !int.TryParse(compact, out _))
        {
            return value;
        }

        errors.Add(name, $"'{raw}' is not one of {string.Join(", ", Enum.GetNames<T>())}.");
        return null;
    }
}
