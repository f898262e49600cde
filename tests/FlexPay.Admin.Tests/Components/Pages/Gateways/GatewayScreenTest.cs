using System.Diagnostics.CodeAnalysis;
using FlexPay.Admin.Components.Pages.Gateways;
using FlexPay.Admin.Components.Pages.Recoveries;
using FlexPay.Admin.Gateways;
using FlexPay.Admin.Identity;
using FlexPay.Core.Accounts;
using FlexPay.Core.FlexPayApi;
using FlexPay.Core.Gateways;
using FlexPay.Core.Persistence;
using FlexPay.Core.Recovery;
using FlexPay.Core.Secrets;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FlexPay.Admin.Tests.Components.Pages.Gateways;

/// <summary>The Gateways screen over a real (migrated) SQLite database and the real <see cref="GatewayService"/>; FlexPay is never called.</summary>
public abstract class GatewayScreenTest : ComponentTest
{
    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), $"flexpay-gateways-{Guid.NewGuid():N}.db");

    protected GatewayScreenTest()
    {
        Services.AddDbContextFactory<FlexPayDbContext>(o => o.UseSqlite($"Data Source={_databasePath};Pooling=False"));
        Services.AddAuditTrail();
        Services.AddLogging();
        Services.AddSingleton<IFlexPayAccounts>(Accounts);
        Services.AddKeyedSingleton<ISecretProtector>(SecretKinds.GatewayCredentials, new ReversingProtector());
        Services.AddSingleton<IGatewaySyncScheduler>(Scheduler);
        Services.AddSingleton<IRecoveryScheduler>(Scheduler);
        Services.AddTransient<ChainActions>();
        Services.AddScoped<RecoveryCommands>();
        Services.AddTransient<GatewayService>();
        Services.AddSingleton<GatewayDriftMonitor>();
        Services.AddScoped<GatewayAdministration>();
        Services.AddSingleton<IValidator<GatewayForm>, GatewayFormValidator>();
        using var db = new FlexPayDbContext(new DbContextOptionsBuilder<FlexPayDbContext>().UseSqlite($"Data Source={_databasePath};Pooling=False").Options);
        db.Database.Migrate();
    }

    protected FakeAccounts Accounts { get; } = new();

    protected RecordingScheduler Scheduler { get; } = new();

    protected FlexPayDbContext OpenDb() => Services.GetRequiredService<IDbContextFactory<FlexPayDbContext>>().CreateDbContext();

    /// <summary>A gateway FlexPay already has (token <paramref name="token"/>), enabled and in sync.</summary>
    protected async Task<Gateway> SeedGatewayAsync(string name, string token = "gw_cert_1", GatewayDesiredState state = GatewayDesiredState.Enabled)
    {
        var gateway = Gateway.Define(name, "default", new GatewayProfile { GatewayType = "nmi", CurrencyCode = "USD" }, Builders.Now);
        gateway.ReplaceCredentials("sealed", ["security_key"], Builders.Now);
        await using var db = OpenDb();
        db.Gateways.Add(gateway);
        await db.SaveChangesAsync();
        // What a successful sync leaves behind; the sync itself talks to FlexPay.
        await db.Database.ExecuteSqlAsync(
            $"UPDATE Gateways SET FlexPayToken = {token}, DesiredState = {state.ToString()}, SyncState = 'InSync', PendingChanges = 0 WHERE Id = {gateway.Id}");
        return gateway;
    }

    /// <summary>An open recovery whose next retry is pinned to <paramref name="token"/>.</summary>
    protected async Task<RecoveryChain> SeedChainPinnedToAsync(string token)
    {
        var chain = Builders.ScheduledChain();
        await using var db = OpenDb();
        db.Chains.Add(chain);
        await db.SaveChangesAsync();
        await db.Database.ExecuteSqlAsync($"UPDATE Chains SET PinnedGatewayToken = {token} WHERE Id = {chain.Id}");
        return chain;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        File.Delete(_databasePath);
    }

    public sealed class FakeAccounts : IFlexPayAccounts
    {
        private readonly List<FlexPayAccount> _accounts = [];

        public string DefaultCompany => "default";

        public bool Exists(string company) => company == "default";

        public FlexPayApiKey GetApiKey(string company) => throw new InvalidOperationException("Tests never call FlexPay.");

        public bool TryGetApiKey(string company, [NotNullWhen(true)] out FlexPayApiKey? key)
        {
            key = null;
            return false;
        }

        public bool NeedsReentry(string company) => false;

        public IReadOnlyList<FlexPayAccount> List() => _accounts;

        public Task<FlexPayAccount> AddAsync(string company, FlexPayMode mode, string apiKey, CancellationToken ct = default) => throw new NotSupportedException();

        public Task<FlexPayAccount> ReplaceKeyAsync(string company, string apiKey, CancellationToken ct = default) => throw new NotSupportedException();

        public Task RemoveAsync(string company, CancellationToken ct = default) => throw new NotSupportedException();
    }

    protected sealed class RecordingScheduler : IGatewaySyncScheduler, IRecoveryScheduler
    {
        public List<Guid> Scheduled { get; } = [];

        public List<DateTimeOffset> ArmedAttempts { get; } = [];

        public void ScheduleSync(Guid gatewayId, DateTimeOffset runAt) => Scheduled.Add(gatewayId);

        public void ArmAttempts(DateTimeOffset dueAt) => ArmedAttempts.Add(dueAt);

        public void ScheduleRefundCheck(Guid refundId, DateTimeOffset runAt) => throw new InvalidOperationException("The gateway screens refund nothing.");
    }

    private sealed class ReversingProtector : ISecretProtector
    {
        public string Protect(string plaintext) => new([.. plaintext.Reverse()]);

        public string Unprotect(string protectedText) => new([.. protectedText.Reverse()]);
    }
}
