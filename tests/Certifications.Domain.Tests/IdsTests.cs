using Certifications.Domain.Common;
using Certifications.Domain.Enrollments;

namespace Certifications.Domain.Tests;

public sealed class IdsTests
{
    [Fact]
    public void New_ids_carry_their_prefix_and_are_well_formed()
    {
        var id = Ids.New(Ids.Certification);

        Assert.StartsWith("crt_", id, StringComparison.Ordinal);
        Assert.True(Ids.IsWellFormed(id, Ids.Certification));
        Assert.False(Ids.IsWellFormed(id, Ids.User));
    }

    [Fact]
    public void New_ids_do_not_repeat()
    {
        var ids = Enumerable.Range(0, 10_000).Select(_ => Ids.New(Ids.User)).ToHashSet();

        Assert.Equal(10_000, ids.Count);
    }

    [Fact]
    public void Seeded_ids_are_stable_and_differ_by_seed()
    {
        Assert.Equal(Ids.FromSeed(Ids.User, "ada"), Ids.FromSeed(Ids.User, "ada"));
        Assert.NotEqual(Ids.FromSeed(Ids.User, "ada"), Ids.FromSeed(Ids.User, "bob"));
        Assert.True(Ids.IsWellFormed(Ids.FromSeed(Ids.User, "ada"), Ids.User));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("crt_short")]
    [InlineData("crt_0000000000000000000000000U")]
    [InlineData("usr_00000000000000000000000000")]
    public void Malformed_ids_are_refused(string? id) => Assert.False(Ids.IsWellFormed(id, Ids.Certification));

    [Fact]
    public void An_enrollment_id_leads_back_to_its_certification_and_learner()
    {
        var certification = Ids.New(Ids.Certification);
        var learner = Ids.New(Ids.User);

        var parsed = EnrollmentIds.TryParse(EnrollmentIds.For(certification, learner), out var c, out var l);

        Assert.True(parsed);
        Assert.Equal(certification, c);
        Assert.Equal(learner, l);
    }

    [Theory]
    [InlineData("enr_123")]
    [InlineData("crt_0000000000000000000000000000000000000000000000000000")]
    [InlineData("../../etc/passwd")]
    public void Malformed_enrollment_ids_do_not_parse(string id) => Assert.False(EnrollmentIds.TryParse(id, out _, out _));
}
