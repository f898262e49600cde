namespace FlexPay.Sandbox;

/// <summary>
/// Runs the emulator alone. Not top-level statements: a public global Program would collide with the
/// Admin app's, which references this project.
/// </summary>
internal static class Program
{
    private const string DefaultUrl = "http://localhost:5090";

    public static void Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        // The documented address (launchSettings.json) also when started without a launch profile.
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }
        builder.AddFlexPaySandbox();
        var app = builder.Build();
        app.MapFlexPaySandbox();
        app.Run();
    }
}
