using System.Diagnostics;
using Certifications.DevHost;

namespace Certifications.Bench;

/// <summary>
/// The site the web bench serves: the built app, and beside it under /floors the two pages it is measured against,
/// the bare page and the React floor, so all three come from the same host with the same caching.
/// </summary>
internal static class WebFloors
{
    /// <summary>The bare page: the same JSON fetched with the same token and written as a list, nothing else.</summary>
    public const string BarePath = "/floors/bare-home.html";

    /// <summary>The React floor: a React page that only fetches that JSON and renders it as a list (WebFloors/).</summary>
    public const string ReactPath = "/floors/react-home.html";

    private const string BarePage = """
        <!doctype html><html lang="en"><head><meta charset="utf-8"><title>bare</title></head><body><ul id="list"></ul>
        <script>
        const token = JSON.parse(localStorage.getItem('certifications.dev-session')).token;
        fetch('/api/me/assignments?pageSize=100', { headers: { Authorization: 'Bearer ' + token } })
          .then(r => r.json())
          .then(j => {
            document.getElementById('list').innerHTML = j.items.map(i => '<li>' + i.certification.title + ' — ' + i.statusName + '</li>').join('');
          });
        </script></body></html>
        """;

    /// <summary>Copies web/dist into a new folder and builds the floors into it; returns the folder.</summary>
    public static async Task<string> BuildSiteAsync()
    {
        var root = RepositoryRoot.Find();
        var site = Path.Combine(Path.GetTempPath(), "certifications-webbench-" + Guid.NewGuid().ToString("N")[..8]);
        CopyFolder(Path.Combine(root, "web", "dist"), site);
        var floors = Path.Combine(site, "floors");

        var vite = new ProcessStartInfo("node") { WorkingDirectory = root, RedirectStandardError = true };
        var config = Path.Combine("bench", "Certifications.Bench", "WebFloors", "vite.config.mjs");
        foreach (var arg in new[] { Path.Combine("web", "node_modules", "vite", "bin", "vite.js"), "build", "--config", config })
        {
            vite.ArgumentList.Add(arg);
        }

        vite.Environment["FLOORS_OUT"] = floors;
        using var build = Process.Start(vite)!;
        var errors = await build.StandardError.ReadToEndAsync();
        await build.WaitForExitAsync();
        if (build.ExitCode != 0)
        {
            throw new InvalidOperationException($"Building the React floor failed: {errors}");
        }

        await File.WriteAllTextAsync(Path.Combine(floors, "bare-home.html"), BarePage);
        return site;
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
