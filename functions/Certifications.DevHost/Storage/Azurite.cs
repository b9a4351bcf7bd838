using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Certifications.DevHost.Storage;

/// <summary>
/// A real Azure Storage emulator (npm package azurite) in a child process, on free ports of its own. Installed with
/// npm from the repository's package.json when missing. A data folder keeps data across restarts; without one it runs on
/// a throwaway folder, deleted when it stops. Never in memory: there Azurite keeps every queue message as an extent of
/// its own and deletes the spent ones once a minute one by one, re-sorting its index each time, which stops all storage
/// for up to half a minute once a few thousand messages have passed.
/// </summary>
public sealed class Azurite : IAsyncDisposable
{
    /// <summary>Azurite's well-known development account key (public, the same in every copy of Azurite).</summary>
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly Process process;
    private readonly string pidFile;
    private readonly string? throwawayFolder;

    private Azurite(Process process, int blobPort, int queuePort, int tablePort, string pidFile, string? throwawayFolder)
    {
        this.process = process;
        this.pidFile = pidFile;
        this.throwawayFolder = throwawayFolder;
        Ports = [blobPort, queuePort, tablePort];
        ConnectionString =
            $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};" +
            $"BlobEndpoint=http://127.0.0.1:{blobPort}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{queuePort}/devstoreaccount1;" +
            $"TableEndpoint=http://127.0.0.1:{tablePort}/devstoreaccount1;";
    }

    public string ConnectionString { get; }

    /// <summary>The blob, queue and table ports, to start the same storage again.</summary>
    public IReadOnlyList<int> Ports { get; }

    /// <summary>
    /// Starts Azurite; with <paramref name="dataFolder"/> data persists there, otherwise only until it stops. With the
    /// <paramref name="ports"/> (blob, queue, table) of one stopped before, it is the same storage started again.
    /// </summary>
    public static async Task<Azurite> StartAsync(
        string repositoryRoot, string? dataFolder, CancellationToken cancellationToken = default, IReadOnlyList<int>? ports = null)
    {
        var script = Path.Combine(repositoryRoot, "node_modules", "azurite", "dist", "src", "azurite.js");
        if (!File.Exists(script))
        {
            await InstallAsync(repositoryRoot, cancellationToken).ConfigureAwait(false);
        }

        var throwawayFolder = dataFolder is null ? Directory.CreateTempSubdirectory("certifications-azurite-").FullName : null;
        dataFolder ??= throwawayFolder!;
        Directory.CreateDirectory(dataFolder);
        var pidFile = Path.Combine(dataFolder, "azurite.pid");
        await StopOrphanAsync(pidFile).ConfigureAwait(false);

        ports ??= [FreePort(), FreePort(), FreePort()];
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            script, "--silent", "--skipApiVersionCheck", "--loose", "--disableProductStyleUrl", "--disableTelemetry",
            "--blobHost", "127.0.0.1", "--blobPort", ports[0].ToString(CultureInfo.InvariantCulture),
            "--queueHost", "127.0.0.1", "--queuePort", ports[1].ToString(CultureInfo.InvariantCulture),
            "--tableHost", "127.0.0.1", "--tablePort", ports[2].ToString(CultureInfo.InvariantCulture),
        })
        {
            start.ArgumentList.Add(argument);
        }

        start.ArgumentList.Add("--location");
        start.ArgumentList.Add(dataFolder);

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start node for Azurite.");
        var errors = new System.Text.StringBuilder();
        process.ErrorDataReceived += (_, e) => errors.AppendLine(e.Data);
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        await File.WriteAllTextAsync(pidFile, process.Id.ToString(CultureInfo.InvariantCulture), cancellationToken).ConfigureAwait(false);

        var azurite = new Azurite(process, ports[0], ports[1], ports[2], pidFile, throwawayFolder);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        foreach (var port in ports)
        {
            while (!await AcceptsAsync(port, cancellationToken).ConfigureAwait(false))
            {
                if (process.HasExited || DateTime.UtcNow > deadline)
                {
                    await azurite.DisposeAsync().ConfigureAwait(false);
                    throw new InvalidOperationException($"Azurite did not start: {errors}");
                }

                await Task.Delay(100, cancellationToken).ConfigureAwait(false);
            }
        }

        return azurite;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(process).ConfigureAwait(false);
        process.Dispose();
        File.Delete(pidFile);
        if (throwawayFolder is not null)
        {
            Directory.Delete(throwawayFolder, recursive: true);
        }
    }

    private static async Task InstallAsync(string repositoryRoot, CancellationToken cancellationToken)
    {
        var lockFile = File.Exists(Path.Combine(repositoryRoot, "package-lock.json"));
        var npm = new ProcessStartInfo("npm") { WorkingDirectory = repositoryRoot, UseShellExecute = false };
        foreach (var argument in new[] { lockFile ? "ci" : "install", "--no-audit", "--no-fund" })
        {
            npm.ArgumentList.Add(argument);
        }

        Console.WriteLine("Installing Azurite with npm (first run only)…");
        using var process = Process.Start(npm) ?? throw new InvalidOperationException("npm is not on the PATH; install Node.js and npm.");
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"npm could not install Azurite (exit code {process.ExitCode}).");
        }
    }

    /// <summary>
    /// Asks Azurite to stop (SIGTERM), so it writes what it holds in memory to its data folder, and kills it only if it
    /// does not: a killed Azurite loses its last seconds of writes.
    /// </summary>
    private static async Task StopAsync(Process azurite)
    {
        if (azurite.HasExited)
        {
            return;
        }

        if (!OperatingSystem.IsWindows())
        {
            using var term = Process.Start(
                new ProcessStartInfo("kill") { ArgumentList = { "-TERM", azurite.Id.ToString(CultureInfo.InvariantCulture) }, UseShellExecute = false });
            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await azurite.WaitForExitAsync(patience.Token).ConfigureAwait(false);
                return;
            }
            catch (OperationCanceledException)
            {
                // It did not stop in time; kill it below.
            }
        }

        azurite.Kill(entireProcessTree: true);
        await azurite.WaitForExitAsync().ConfigureAwait(false);
    }

    /// <summary>A dev host killed without a chance to clean up leaves its Azurite running on the same data folder; stop it first.</summary>
    private static async Task StopOrphanAsync(string pidFile)
    {
        if (!File.Exists(pidFile) || !int.TryParse(File.ReadAllText(pidFile), out var pid))
        {
            return;
        }

        try
        {
            using var orphan = Process.GetProcessById(pid);
            if (orphan.ProcessName.Contains("node", StringComparison.OrdinalIgnoreCase))
            {
                await StopAsync(orphan).ConfigureAwait(false);
            }
        }
        catch (ArgumentException)
        {
            // No such process any more: nothing to stop.
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<bool> AcceptsAsync(int port, CancellationToken cancellationToken)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
