using Certifications.Domain.Catalog;
using Certifications.Domain.Common;
using Certifications.Domain.Languages;
using Certifications.Domain.People;
using Certifications.Functions.Organizations;
using Certifications.Storage.Catalog;
using Certifications.Storage.People;

namespace Certifications.DevHost.Demo;

/// <summary>
/// Two demo organizations, so isolation can be seen: Northwind (an admin, two coaches with teams, learners in two groups,
/// two published certifications with criteria of every kind) and Contoso (its own admin, learner and certification).
/// Ids are derived from names, so a restarted dev host finds what it created before and adds nothing twice.
/// </summary>
public sealed class DemoOrganizations(
    OrganizationProvisioning provisioning, DirectoryRepository directory, CertificationRepository certifications, BrandingStore branding,
    Identity.DevAccounts accounts, TimeProvider clock)
{
    /// <summary>The demo users, each bound to a development account of their organization's tenant.</summary>
    public async Task<IReadOnlyList<User>> SeedAsync(CancellationToken cancellationToken = default)
    {
        var users = new List<User>();
        IEnumerable<User> seeded = [.. await SeedNorthwindAsync(cancellationToken).ConfigureAwait(false),
            .. await SeedContosoAsync(cancellationToken).ConfigureAwait(false)];
        foreach (var user in seeded)
        {
            users.Add(await accounts.BindAsync(user, cancellationToken).ConfigureAwait(false));
        }

        return users;
    }

    private async Task<IReadOnlyList<User>> SeedNorthwindAsync(CancellationToken cancellationToken)
    {
        const string org = "northwind";
        var (organization, admin) = await provisioning.ProvisionAsync(
            "Northwind Traders", "ada.admin@northwind.example", "Ada Admin", certificationsEnabled: true,
            Ids.FromSeed(Ids.Organization, org), Ids.FromSeed(Ids.User, $"{org}/ada"), Identity.DevAccounts.TenantOf(
                Ids.FromSeed(Ids.Organization, org)), cancellationToken)
            .ConfigureAwait(false);
        var sales = await GroupAsync(organization.Id, org, "Sales", cancellationToken).ConfigureAwait(false);
        var support = await GroupAsync(organization.Id, org, "Support", cancellationToken).ConfigureAwait(false);

        var carla = await UserAsync(
            organization.Id, org, "carla", "carla.coach@northwind.example", "Carla Coach", [Role.Coach], [], null, cancellationToken).ConfigureAwait(false);
        var colin = await UserAsync(
            organization.Id, org, "colin", "colin.coach@northwind.example", "Colin Coach", [Role.Coach], [], null, cancellationToken).ConfigureAwait(false);
        var lena = await UserAsync(
            organization.Id, org, "lena", "lena.learner@northwind.example", "Lena Learner", [Role.Learner], [sales], carla.Id, cancellationToken)
            .ConfigureAwait(false);
        var liam = await UserAsync(
            organization.Id, org, "liam", "liam.learner@northwind.example", "Liam Learner", [Role.Learner], [sales], carla.Id, cancellationToken)
            .ConfigureAwait(false);
        var sofia = await UserAsync(
            organization.Id, org, "sofia", "sofia.support@northwind.example", "Sofia Support", [Role.Learner], [support], colin.Id, cancellationToken)
            .ConfigureAwait(false);
        var zoe = await UserAsync(
            organization.Id, org, "zoe", "zoe.angstrom@northwind.example", "Zoë Ångström-Núñez", [Role.Learner], [support], colin.Id,
            cancellationToken).ConfigureAwait(false);

        await CertificationAsync(organization.Id, org, "customer-conversations", new CertificationInput
        {
            Title = "Customer Conversations",
            Description = "Handle a customer conversation from greeting to follow-up.",
            RequireApproval = true,
            ValidityMonths = 24,
            Criteria =
            [
                new() { Kind = "content", Title = "Read the conversation guide", ExternalActivityId = "lms-guide-101" },
                new() { Kind = "activity", Title = "Pass the conversation quiz", ExternalActivityId = "lms-quiz-201", MinScore = 80 },
                new() { Kind = "activity", Title = "Upload a recorded role-play", EvidenceRequired = true },
                new() { Kind = "review", Title = "Coach observes a live call" },
                new() { Kind = "live_session", Title = "Live certification call", Skills = ["Greeting", "Discovery", "Closing"], MinStars = 4 },
            ],
        }, [sales], cancellationToken).ConfigureAwait(false);
        await CertificationAsync(organization.Id, org, "product-essentials", new CertificationInput
        {
            Title = "Product Essentials",
            Description = "Know the product line well enough to answer first-line questions.",
            RequireApproval = false,
            Criteria =
            [
                new() { Kind = "content", Title = "Watch the product tour" },
                new() { Kind = "activity", Title = "Complete the product quiz", ExternalActivityId = "lms-product-quiz", MinScore = 70 },
                new() { Kind = "review", Title = "Coach sign-off" },
            ],
        }, [support], cancellationToken).ConfigureAwait(false);

        await CertificationAsync(organization.Id, org, "giving-feedback", new CertificationInput
        {
            Title = "Giving Feedback",
            Description = "Give a colleague feedback they can act on.",
            RequireApproval = true,
            ValidityMonths = 12,
            Criteria =
            [
                new() { Kind = "content", Title = "Read the feedback guide" },
                new() { Kind = "activity", Title = "Upload a recorded feedback conversation", EvidenceRequired = true },
                new() { Kind = "review", Title = "Coach observes a feedback session" },
            ],
        }, [sales, support], cancellationToken).ConfigureAwait(false);
        await CertificationAsync(organization.Id, org, "data-protection", new CertificationInput
        {
            Title = "Data Protection Basics",
            Description = "Completed entirely in the LMS: the reading, the quiz and the simulation.",
            RequireApproval = false,
            ValidityMonths = 12,
            Criteria =
            [
                new() { Kind = "content", Title = "Read the data protection policy", ExternalActivityId = "lms-dp-policy" },
                new() { Kind = "activity", Title = "Pass the data protection quiz", ExternalActivityId = "lms-dp-quiz", MinScore = 75 },
                new() { Kind = "activity", Title = "Complete the phishing simulation", ExternalActivityId = "lms-dp-phishing" },
            ],
        }, [sales, support], cancellationToken).ConfigureAwait(false);

        return [admin, carla, colin, lena, liam, sofia, zoe];
    }

    private async Task<IReadOnlyList<User>> SeedContosoAsync(CancellationToken cancellationToken)
    {
        const string org = "contoso";
        var (organization, admin) = await provisioning.ProvisionAsync(
            "Contoso Academy", "otto.admin@contoso.example", "Otto Admin", certificationsEnabled: true,
            Ids.FromSeed(Ids.Organization, org), Ids.FromSeed(Ids.User, $"{org}/otto"), Identity.DevAccounts.TenantOf(
                Ids.FromSeed(Ids.Organization, org)), cancellationToken)
            .ConfigureAwait(false);
        var everyone = await GroupAsync(organization.Id, org, "Everyone", cancellationToken).ConfigureAwait(false);
        var olga = await UserAsync(
            organization.Id, org, "olga", "olga.learner@contoso.example", "Olga Learner", [Role.Learner], [everyone], null, cancellationToken)
            .ConfigureAwait(false);
        await CertificationAsync(organization.Id, org, "safety-basics", new CertificationInput
        {
            Title = "Safety Basics",
            Criteria = [new() { Kind = "content", Title = "Read the safety handbook" }],
        }, [everyone], cancellationToken).ConfigureAwait(false);
        return [admin, olga];
    }

    private async Task<string> GroupAsync(string organizationId, string org, string name, CancellationToken cancellationToken)
    {
        var group = new Group { Id = Ids.FromSeed(Ids.Group, $"{org}/{name}"), OrganizationId = organizationId, Name = name, CreatedAt = clock.GetUtcNow() };
        if (!(await directory.ListGroupsAsync(organizationId, cancellationToken).ConfigureAwait(false)).Any(g => g.Id == group.Id))
        {
            _ = (await directory.CreateGroupAsync(group, cancellationToken).ConfigureAwait(false)).Value;
        }

        return group.Id;
    }

    private async Task<User> UserAsync(
        string organizationId, string org, string key, string email, string name, Role[] roles, string[] groups, string? coachId,
            CancellationToken cancellationToken)
    {
        var user = new User
        {
            Id = Ids.FromSeed(Ids.User, $"{org}/{key}"),
            OrganizationId = organizationId,
            Email = email,
            DisplayName = name,
            Roles = roles,
            GroupIds = groups,
            CoachId = coachId,
            CreatedAt = clock.GetUtcNow(),
        };
        var existing = await directory.GetUserAsync(organizationId, user.Id, cancellationToken).ConfigureAwait(false);
        if (existing is not null)
        {
            return existing.Value;
        }

        _ = (await directory.CreateUserAsync(user, cancellationToken).ConfigureAwait(false)).Value;
        return user;
    }

    private async Task CertificationAsync(
        string organizationId, string org, string key, CertificationInput input, string[] viewAccess, CancellationToken cancellationToken)
    {
        var id = Ids.FromSeed(Ids.Certification, $"{org}/{key}");
        if (await certifications.GetAsync(organizationId, id, cancellationToken).ConfigureAwait(false) is not null)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var criterion = 0;
        var draft = input.ToNewCertification(
            organizationId, ProductLanguages.Default, now, () => Ids.FromSeed(Ids.Criterion, $"{org}/{key}/{criterion++}")).Value;
        var design = org == "northwind"
            ? draft.Design with
            {
                LogoBlob = await branding.SaveLogoAsync(
                    organizationId, id, new LogoImage(DemoLogo.Png(), "image/png"), cancellationToken).ConfigureAwait(false),
                SignatoryName = "Ada Admin",
                SignatoryTitle = "Head of Learning, Northwind Traders",
            }
            : draft.Design;
        var published = (draft with { Id = id, ViewAccessGroupIds = viewAccess, Design = design }).Publish(now).Value;
        _ = (await certifications.CreateAsync(published, cancellationToken).ConfigureAwait(false)).Value;
    }
}
