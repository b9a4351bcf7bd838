using System.Text.RegularExpressions;
using Certifications.Functions.Links;
using Microsoft.Extensions.Options;

namespace Certifications.Functions.Tests.Links;

/// <summary>Every link the product sends out opens where it says: a page the web app has, on the web app's address.</summary>
public sealed partial class ProductLinksTests
{
    private static readonly ProductLinks Links = new(Options.Create(new AppOptions
    {
        PublicBaseUrl = "https://api.certifications.example",
        WebBaseUrl = "https://app.certifications.example/",
    }));

    [Fact]
    public void Pages_are_on_the_web_apps_address_and_the_verification_page_on_the_apis()
    {
        Assert.Equal("https://app.certifications.example/coach/reviews/enr_1", Links.Review("enr_1"));
        Assert.Equal("https://app.certifications.example/live-sessions/lvs_1", Links.LiveSession("lvs_1"));
        Assert.Equal("https://api.certifications.example/api/verify/cer_1", Links.Verify("cer_1"));
    }

    [Fact]
    public void Without_a_web_address_of_its_own_the_web_app_is_where_the_api_is()
    {
        var links = new ProductLinks(Options.Create(new AppOptions { PublicBaseUrl = "http://localhost:7301" }));

        Assert.Equal("http://localhost:7301/enrollments/enr_1", links.LearnerRecord("enr_1"));
    }

    [Fact]
    public void An_id_or_token_cannot_change_which_page_a_link_opens()
    {
        Assert.Equal("https://app.certifications.example/invitations/a%2F..%2Fadmin%3Fx%23y", Links.Invitation("a/../admin?x#y"));
    }

    [Fact]
    public void Every_page_link_names_a_route_of_the_web_app()
    {
        var routes = WebRoutes();
        string[] pages = [Links.LearnerRecord("enr_1"), Links.Review("enr_1"), Links.ReviewQueue(), Links.LiveSession("lvs_1"), Links.Invitation("tok")];

        Assert.All(pages, link =>
        {
            var path = new Uri(link).AbsolutePath.TrimStart('/');
            Assert.True(routes.Any(route => route.IsMatch(path)), $"{path} is no page of web/src/app/routes.tsx");
        });
    }

    /// <summary>The web app's route paths, as patterns (":id" stands for one segment).</summary>
    private static Regex[] WebRoutes()
    {
        var source = File.ReadAllText(Path.Combine(Certifications.DevHost.RepositoryRoot.Find(), "web", "src", "app", "routes.tsx"));
        return [.. RoutePath().Matches(source).Select(m => m.Groups[1].Value.TrimStart('/'))
            .Select(p => new Regex("^" + Segment().Replace(Regex.Escape(p), "[^/]+") + "$", RegexOptions.None, TimeSpan.FromSeconds(1)))];
    }

    [GeneratedRegex(@"path: '([^']*)'")]
    private static partial Regex RoutePath();

    [GeneratedRegex(@":[a-zA-Z]+")]
    private static partial Regex Segment();
}
