namespace FlexPay.Sandbox;

internal static class Program
{
    public static void Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        app.MapGet("/api/test", () => Results.Ok(new { message = "Your client successfully connects with FlexPay!" }));
        app.Run();
    }
}
