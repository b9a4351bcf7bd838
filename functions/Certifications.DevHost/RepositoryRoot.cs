namespace Certifications.DevHost;

/// <summary>Finds the repository root (the folder with Certifications.sln), where .dev/ and node_modules/ live.</summary>
public static class RepositoryRoot
{
    public static string Find(string? start = null)
    {
        for (var folder = new DirectoryInfo(start ?? AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Certifications.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("Cannot find the repository root (Certifications.sln) above " + (start ?? AppContext.BaseDirectory));
    }

    /// <summary>The git-ignored folder for local state: Azurite data, outbox, signing key, session file.</summary>
    public static string DevFolder(string root) => Directory.CreateDirectory(Path.Combine(root, ".dev")).FullName;
}
