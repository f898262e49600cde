namespace FlexPay.Sandbox;

/// <summary>Runs the emulator alone on http://localhost:5090 (launchSettings.json). Not top-level statements:
/// a public global Program would collide with the Admin app's, which references this project.</summary>
internal static class Program
{
    public static void Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddFlexPaySandbox();
        var app = builder.Build();
        app.MapFlexPaySandbox();
        app.Run();
    }
}
