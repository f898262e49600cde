using System.Text.Json.Nodes;
using FlexPay.Sandbox.Infrastructure;

namespace FlexPay.Sandbox.Faults;

/// <summary><c>GET/PUT _faults</c>: tests switch an outage on and off while the emulator runs.</summary>
internal static class FaultEndpoints
{
    public static void MapFaults(this IEndpointRouteBuilder root)
    {
        root.MapGet("/_faults", (FaultState faults) => SandboxJson.Ok(faults.Current));
        root.MapPut("/_faults", ChangeAsync);
    }

    /// <summary>Members left out keep their value, so <c>{"serverErrorRate":0}</c> ends an outage alone.</summary>
    private static async Task<IResult> ChangeAsync(HttpContext http, FaultState faults)
    {
        try
        {
            if (await SandboxJson.ReadBodyAsync(http.Request) is not JsonObject body)
            {
                throw new BadRequestException("The body must be a JSON object.");
            }
            var current = faults.Current;
            var delayText = body.Str("timeoutDelay");
            var next = new FaultSettings(
                Rate(body, "serverErrorRate") ?? current.ServerErrorRate,
                Rate(body, "timeoutRate") ?? current.TimeoutRate,
                Rate(body, "dropRate") ?? current.DropRate,
                delayText is null ? current.TimeoutDelay
                    : TimeSpan.TryParse(delayText, System.Globalization.CultureInfo.InvariantCulture, out var delay) ? delay
                    : throw new BadRequestException("'timeoutDelay' must be a TimeSpan such as 00:02:00."));
            if (!next.IsValid)
            {
                throw new BadRequestException("Rates must lie in 0..1 and add up to at most 1; the delay must not be negative.");
            }
            faults.Change(next);
            return SandboxJson.Ok(next);
        }
        catch (BadRequestException e)
        {
            return SandboxJson.Error(StatusCodes.Status400BadRequest, e.Message);
        }
    }

    private static double? Rate(JsonObject body, string name) => body[name] switch
    {
        null => null,
        JsonValue v when v.TryGetValue<double>(out var d) => d,
        _ => throw new BadRequestException($"'{name}' must be a number."),
    };
}
