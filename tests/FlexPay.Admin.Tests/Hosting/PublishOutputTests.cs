using System.Diagnostics;
using FlexPay.Testing;

namespace FlexPay.Admin.Tests.Hosting;

/// <summary>What <c>dotnet publish</c> hands to a server carries no development credentials.</summary>
public sealed class PublishOutputTests : IDisposable
{
    private readonly string _output = Directory.CreateTempSubdirectory("flexpay-publish-").FullName;

    [Fact]
    public async Task The_published_console_has_no_development_settings_launch_profiles_or_credentials()
    {
        // The console as this test project built it; publishing it only copies, so it is quick and races no build.
        var project = Path.Combine(Repository.Root, "src", "FlexPay.Admin", "FlexPay.Admin.csproj");
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])["publish", project, "--no-build", "-c", configuration, "-o", _output, "-nologo"])
        {
            start.ArgumentList.Add(argument);
        }
        using var publish = Process.Start(start)!;
        var log = publish.StandardOutput.ReadToEndAsync();
        var errors = publish.StandardError.ReadToEndAsync();
        await publish.WaitForExitAsync();
        Assert.True(publish.ExitCode == 0, await log + await errors);

        var files = Directory.GetFiles(_output, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(_output, f)).ToList();
        Assert.Contains("FlexPay.Admin.dll", files);
        Assert.Contains("appsettings.json", files);
        Assert.DoesNotContain("appsettings.Development.json", files);
        Assert.DoesNotContain(files, f => f.EndsWith("launchSettings.json", StringComparison.Ordinal));
        foreach (var text in files.Where(f => f.EndsWith(".json", StringComparison.Ordinal)))
        {
            var content = await File.ReadAllTextAsync(Path.Combine(_output, text));
            Assert.DoesNotContain("FlexPay-Dev-2026!", content, StringComparison.Ordinal);
            Assert.DoesNotContain("dev-intake-key", content, StringComparison.Ordinal);
        }
    }

    public void Dispose() => Directory.Delete(_output, recursive: true);
}
