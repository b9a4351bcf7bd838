namespace Certifications.Domain.Common;

/// <summary>Collects every validation message of a request so the caller sees them all at once.</summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> errors = new(StringComparer.Ordinal);

    public bool Any => errors.Count > 0;

    public void Add(string field, string message)
    {
        if (!errors.TryGetValue(field, out var list))
        {
            errors[field] = list = [];
        }

        list.Add(message);
    }

    /// <summary>
    /// Adds a message when the text is missing, longer than the limit, or holds control characters (C0, DEL, C1);
    /// <paramref name="multiline"/> text may hold line breaks and tabs. Returns the trimmed text.
    /// </summary>
    public string? RequireText(string field, string? text, int maxLength, bool required = true, bool multiline = false)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            if (required)
            {
                Add(field, "is required.");
            }

            return null;
        }

        if (trimmed.Length > maxLength)
        {
            Add(field, $"must be at most {maxLength} characters.");
        }
        else if (trimmed.AsSpan().IndexOfAny(multiline ? TextRules.ControlsOutsideLines : TextRules.Controls) >= 0)
        {
            Add(field, multiline ? "must not contain control or invisible formatting characters other than line breaks and tabs."
                : "must be one line without control or invisible formatting characters.");
        }

        return trimmed;
    }

    public Error ToError(string detail = "The request has invalid fields; see errors.") =>
        new(ErrorKind.Invalid, "Invalid request", detail)
        {
            Fields = errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal),
        };
}
