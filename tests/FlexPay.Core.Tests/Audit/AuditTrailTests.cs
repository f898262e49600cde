using FlexPay.Core.Audit;
using FlexPay.Core.Gateways;
using FlexPay.Core.Persistence;
using FlexPay.Core.Recovery;
using FlexPay.Core.Tests.Recovery.Engine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FlexPay.Core.Tests.Audit;

public sealed class AuditTrailTests : IAsyncLifetime
{
    private EngineHarness _engine = null!;

    public async Task InitializeAsync() => _engine = await EngineHarness.StartAsync();

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    [Fact]
    public async Task Refunds_are_recorded_whether_flexpay_approves_or_a_rule_refuses()
    {
        var created = await _engine.SubmitAsync(Requests.Payment(5000, merchantDeclinedAt: EngineHarness.Start.AddHours(-1)));
        await _engine.AdvanceToNextRunAsync();
        var refunds = _engine.Services.GetRequiredService<RefundProcessor>();

        await refunds.RefundAsync(created.Chain!.Id, 1000, "Goodwill", "finance");
        await Assert.ThrowsAsync<RecoveryRuleException>(() => refunds.RefundAsync(created.Chain.Id, 999_999, "Too much", "finance"));

        var entries = await EntriesAsync("refund");
        Assert.Equal([AuditOutcome.Succeeded, AuditOutcome.Refused], entries.Select(e => e.Outcome));
        Assert.All(entries, e => Assert.Equal($"recovery {created.Chain.Id}", e.Target));
        Assert.Contains("Approved", entries[0].Detail, StringComparison.Ordinal);
        Assert.Equal(SystemActor.Name, entries[0].Actor);
    }

    [Fact]
    public async Task Gateway_credentials_are_named_in_the_audit_log_but_never_written()
    {
        var gateways = _engine.Services.GetRequiredService<GatewayService>();

        var created = await gateways.CreateAsync(new GatewayDraft
        {
            Name = "MID-audit", GatewayType = "nmi", CurrencyCode = "USD",
            Credentials = new Dictionary<string, string> { ["password"] = "s3cr3t-value-never-logged" },
        });
        await gateways.UpdateAsync(created.Gateway!.Id, draft => draft with { Credentials = new Dictionary<string, string> { ["password"] = "an0ther-s3cr3t" } });

        var entries = await EntriesAsync("gateway.");
        Assert.Equal(["gateway.create", "gateway.update"], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Contains("password", e.Detail, StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => (e.Detail + e.Target).Contains("s3cr3t", StringComparison.Ordinal));
    }

    private async Task<List<AuditEntry>> EntriesAsync(string actionPrefix)
    {
        await using var db = await _engine.Services.GetRequiredService<IDbContextFactory<FlexPayDbContext>>().CreateDbContextAsync();
        return await db.AuditEntries.AsNoTracking().Where(e => e.Action.StartsWith(actionPrefix)).OrderBy(e => e.At).ThenBy(e => e.Id).ToListAsync();
    }
}
