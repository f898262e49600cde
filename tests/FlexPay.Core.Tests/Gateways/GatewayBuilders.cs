using System.Text.Json.Nodes;
using FlexPay.Core.FlexPayApi;
using FlexPay.Core.Gateways;
using FlexPay.Core.Persistence;
using FlexPay.Core.Tests.Recovery.Engine;
using FlexPay.Sandbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FlexPay.Core.Tests.Gateways;

/// <summary>Gateway drafts and engine shortcuts for the gateway tests.</summary>
internal static class GatewayBuilders
{
    public const string Password = "pa55-w0rd-NEVER-SHOWN";
    public const string SecondPassword = "an0ther-SECRET-value-42";

    public static readonly FlexPayApiKey SandboxKey = new(SandboxOptions.DevelopmentApiKey);

    public static GatewayDraft Draft(string name, string type = "nmi", bool enabled = false, IReadOnlyDictionary<string, string>? credentials = null) => new()
    {
        Name = name,
        GatewayType = type,
        MerchantAccountReferenceId = "MID-" + name,
        CurrencyCode = "USD",
        AcceptedCurrencyCodes = ["USD", "EUR"],
        Weight = 1,
        AcceptRetries = true,
        CvvRequired = false,
        ApprovedChargeOrCaptureRateFee = 2.9m,
        ApprovedChargeOrCaptureFlatFee = 0.30m,
        OtherTransactionFlatFee = 0.10m,
        Credentials = credentials ?? new Dictionary<string, string> { ["username"] = "merchant-" + name, ["password"] = Password },
        Enabled = enabled,
    };

    public static GatewayService Gateways(this EngineHarness engine) => engine.Services.GetRequiredService<GatewayService>();

    public static FlexPayClient Client(this EngineHarness engine) => engine.Services.GetRequiredService<FlexPayClient>();

    /// <summary>Creates a gateway here (enabled when asked) and runs the syncs that are due.</summary>
    public static async Task<Gateway> CreateAsync(this EngineHarness engine, GatewayDraft draft)
    {
        var result = await engine.Gateways().CreateAsync(draft);
        Assert.True(result.IsValid, string.Join("; ", result.Errors.SelectMany(e => e.Value)));
        await engine.RunDueAsync();
        return await engine.GatewayAsync(result.Gateway!.Id);
    }

    public static async Task<Gateway> GatewayAsync(this EngineHarness engine, Guid id)
    {
        await using var db = await engine.Services.GetRequiredService<IDbContextFactory<FlexPayDbContext>>().CreateDbContextAsync();
        return await db.Gateways.AsNoTracking().SingleAsync(g => g.Id == id);
    }

    /// <summary>The gateway as the sandbox holds it (through the real client).</summary>
    public static async Task<FlexPayGateway> AtFlexPayAsync(this EngineHarness engine, string token)
    {
        var response = await engine.Client().GetGatewayAsync(SandboxKey, token);
        Assert.True(response.IsOk, $"{response.Outcome} {response.ErrorMessage}");
        return response.Value!;
    }

    public static async Task<IReadOnlyList<FlexPayGateway>> ListAtFlexPayAsync(this EngineHarness engine)
    {
        var response = await engine.Client().ListGatewaysAsync(SandboxKey);
        Assert.True(response.IsOk, $"{response.Outcome} {response.ErrorMessage}");
        return response.Value!;
    }

    /// <summary>The sandbox's log entries for the gateway API (not charges).</summary>
    public static async Task<IReadOnlyList<JsonObject>> GatewayCallsAsync(this EngineHarness engine) =>
        [.. (await engine.SandboxLogAsync()).Where(e => (string?)e["path"] is { } path
            && path.Contains("/v1/gateways", StringComparison.Ordinal) && !path.EndsWith("/charge", StringComparison.Ordinal))];
}
