using FlexPay.Sandbox.Infrastructure;

namespace FlexPay.Sandbox.Inspection;

/// <summary><c>GET/DELETE _log</c>: no authentication, the emulator holds test data only.</summary>
internal static class InspectionEndpoints
{
    public static void MapInspection(this IEndpointRouteBuilder root)
    {
        root.MapGet("/_log", (RequestLog log) => SandboxJson.Ok(log.Snapshot()));
        root.MapDelete("/_log", (RequestLog log) =>
        {
            log.Clear();
            return Results.NoContent();
        });
    }
}
