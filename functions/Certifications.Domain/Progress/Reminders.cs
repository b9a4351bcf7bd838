namespace Certifications.Domain.Progress;

/// <summary>Which reminder a learner or reviewer gets next, and when. Pure, so the orchestrator stays deterministic.</summary>
public static class Reminders
{
    /// <summary>"Due soon" goes this long before the due date.</summary>
    public static readonly TimeSpan DueSoonLead = TimeSpan.FromDays(3);

    /// <summary>"Overdue" goes this long after it.</summary>
    public static readonly TimeSpan OverdueLag = TimeSpan.FromDays(1);

    /// <summary>Reviewers are reminded this often while an approval waits, at most <see cref="MaxApprovalReminders"/> times.</summary>
    public static readonly TimeSpan ApprovalInterval = TimeSpan.FromDays(2);

    public const int MaxApprovalReminders = 3;

    /// <summary>The next due-date reminder after <paramref name="sent"/> of them; a "due soon" whose moment has passed is skipped.</summary>
    public static DueReminder? NextDue(DateTimeOffset? dueDate, int sent, DateTimeOffset now)
    {
        if (dueDate is not { } due)
        {
            return null;
        }

        if (sent == 0 && due - DueSoonLead > now)
        {
            return new DueReminder(DueReminderKind.DueSoon, due - DueSoonLead, 1);
        }

        return sent <= 1 ? new DueReminder(DueReminderKind.Overdue, due + OverdueLag, 2) : null;
    }

    /// <summary>When the next approval reminder is due, or null when reviewers have been reminded enough.</summary>
    public static DateTimeOffset? NextApproval(DateTimeOffset requestedAt, int sent) =>
        sent >= MaxApprovalReminders ? null : requestedAt + (ApprovalInterval * (sent + 1));
}

/// <summary>A due-date reminder: which, when, and how many will have been sent after it.</summary>
public sealed record DueReminder(DueReminderKind Kind, DateTimeOffset At, int SentAfter);

/// <summary>The two due-date reminders.</summary>
public enum DueReminderKind
{
    DueSoon,
    Overdue,
}
