using Certifications.Domain.Enrollments;

namespace Certifications.Domain.Reports;

/// <summary>What a coach can do for learners in each status: the program report's recommendations, in our own words.</summary>
public static class CoachActions
{
    private static readonly IReadOnlyDictionary<EnrollmentStatus, IReadOnlyList<string>> ByStatus = new Dictionary<EnrollmentStatus, IReadOnlyList<string>>
    {
        [EnrollmentStatus.NotStarted] =
        [
            "Send a short personal note about why this certification matters for their role.",
            "Agree on a first step and a date for it.",
        ],
        [EnrollmentStatus.Started] =
        [
            "Check in on how gathering evidence is going and offer help.",
            "Pair them with colleagues working on the same certification, so they keep each other going.",
            "Plan backwards from the due date: when each piece of evidence will be ready.",
        ],
        [EnrollmentStatus.InProgress] =
        [
            "Acknowledge the progress so far.",
            "Check in on the remaining criteria and offer help.",
            "Suggest a colleague looks over the evidence before it is submitted.",
        ],
        [EnrollmentStatus.Submitted] =
        [
            "Recognise the effort of submitting.",
            "Review or approve promptly: waiting is where momentum is lost.",
            "Ask what they learned and invite them to help others.",
        ],
        [EnrollmentStatus.NotEarned] =
        [
            "Go through the assessor's feedback together and agree what to rework.",
            "Remind them the decision is about the evidence handed in, not about them, and encourage a resubmission.",
            "Offer to look at the reworked evidence before they submit again.",
        ],
        [EnrollmentStatus.Earned] =
        [
            "Celebrate it where the team can see it.",
            "Invite them to mentor colleagues who are still working towards it.",
            "Suggest the next certification to take on.",
        ],
    };

    public static IReadOnlyList<string> For(EnrollmentStatus status) => ByStatus[status];
}
