using Certifications.Domain.Catalog;
using Certifications.Domain.People;
using Certifications.Domain.Policies;

namespace Certifications.Domain.Tests;

public sealed class CatalogAccessTests
{
    [Fact]
    public void Learners_discover_published_certifications_their_groups_give_view_access_to()
    {
        var learner = Build.Caller(Build.User(Role.Learner) with { GroupIds = ["grp_sales"] });

        Assert.True(CatalogAccess.CanSee(learner, Build.Certification(viewAccess: "grp_sales"), false, false));
        Assert.False(CatalogAccess.CanSee(learner, Build.Certification(viewAccess: "grp_support"), false, false));
        Assert.False(CatalogAccess.CanSee(learner, Build.Certification(CertificationStatus.Draft, "grp_sales"), false, false));
    }

    [Fact]
    public void Learners_see_what_they_are_enrolled_in_without_view_access() =>
        Assert.True(
            CatalogAccess.CanSee(Build.Caller(Build.User(Role.Learner)), Build.Certification(CertificationStatus.Archived), callerEnrolled: true, false));

    [Fact]
    public void Coaches_see_what_their_team_is_enrolled_in()
    {
        var coach = Build.Caller(Build.User(Role.Coach));

        Assert.True(CatalogAccess.CanSee(coach, Build.Certification(), false, teamMemberEnrolled: true));
        Assert.False(CatalogAccess.CanSee(coach, Build.Certification(), false, teamMemberEnrolled: false));
    }

    [Fact]
    public void Admins_see_everything_and_alone_manage()
    {
        var admin = Build.Caller(Build.User(Role.SuperAdmin));

        Assert.True(CatalogAccess.CanSee(admin, Build.Certification(CertificationStatus.Draft), false, false));
        Assert.Null(CatalogAccess.RequireManager(admin));
        Assert.NotNull(CatalogAccess.RequireManager(Build.Caller(Build.User(Role.Coach))));
    }
}
