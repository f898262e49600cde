using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using FlexPay.Core.Accounts;
using FlexPay.Core.FlexPayApi;
using FlexPay.Core.Gateways;
using FlexPay.Core.Persistence;
using FlexPay.Core.Secrets;
using FlexPay.Core.Tests.Support;
using FlexPay.Core.Recovery;
using FlexPay.Core.Recovery.Dispatch;
using FlexPay.Core.Recovery.Intake;
using FlexPay.Sandbox;
using FlexPay.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace FlexPay.Core.Tests.Recovery.Engine;

/// <summary>
/// The recovery engine as production wires it (real client, real SQLite or PostgreSQL, migrations), talking over
/// HTTP to the sandbox emulator; both share one fake clock, and a <see cref="ManualScheduler"/>
/// stands in for Hangfire so each test decides when time moves.
/// </summary>
internal sealed class EngineHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    public static readonly TimeSpan SandboxRetryDelay = TimeSpan.FromHours(1);

    /// <summary>A second sandbox key: another company, whose gateways the default company cannot see.</summary>
    public const string SecondCompanyKey = "c2Vjb25kLWNvbXBhbnkta2V5LTAwMDAwMDAwMDAwMDA=";

    // One key ring for every engine of the harness, so a restart can still read the secrets it stored.
    private readonly EphemeralDataProtectionProvider _dataProtection = new();

    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("flexpay-engine-").FullName;
    private readonly string? _postgres;
    private SandboxServer _sandbox = null!;
    private IHost _engine = null!;

    private readonly IReadOnlyDictionary<string, string> _settings;
    private readonly Action<IServiceCollection> _services;

    private EngineHarness(IReadOnlyDictionary<string, string> settings, Action<IServiceCollection> services, string? postgres)
    {
        _settings = settings;
        _services = services;
        _postgres = postgres;
        Scheduler = new ManualScheduler(Clock);
    }

    public FakeTimeProvider Clock { get; } = new(Start);

    public ManualScheduler Scheduler { get; }

    public IServiceProvider Services => _engine.Services;

    /// <summary>Every log line of every engine (all categories, Trace and up).</summary>
    public CapturingLoggerProvider Logs { get; } = new();

    /// <summary>Every request the engine's FlexPay client sent, with its body.</summary>
    public FlexPayRequestRecorder FlexPayRequests { get; } = new();

    public string DataDirectory => _dataDirectory;

    /// <summary>An engine on a fresh SQLite file, or with <paramref name="postgres"/> (a connection string) on that empty database.</summary>
    /// <param name="settings">Configuration over the harness's own.</param>
    /// <param name="services">Registrations over the engine's own, applied at every (re)start.</param>
    public static async Task<EngineHarness> StartAsync(
        IReadOnlyDictionary<string, string>? settings = null, Action<IServiceCollection>? services = null, string? postgres = null)
    {
        var harness = new EngineHarness(settings ?? new Dictionary<string, string>(), services ?? (_ => { }), postgres);
        await harness.StartSandboxAsync();
        await harness.StartEngineAsync();
        return harness;
    }

    /// <summary>Simulates a crash and a restart: a new engine on the same database; the scheduler's memory is lost.</summary>
    public async Task RestartEngineAsync()
    {
        await _engine.StopAsync();
        _engine.Dispose();
        Scheduler.Forget();
        await StartEngineAsync();
        await Services.GetRequiredService<PendingWorkRescheduler>().RescheduleAllAsync();
        await Services.GetRequiredService<GatewaySynchronizer>().RescheduleAllAsync();
    }

    public Task<IntakeResult> SubmitAsync(RecoveryRequest request) => Services.GetRequiredService<RecoveryIntake>().SubmitAsync(request);

    /// <summary>Dispatches everything due now (as a window's job would at this instant), and the runs due now, until none is due.</summary>
    public async Task RunDueAsync()
    {
        while (true)
        {
            var dispatched = await Services.GetRequiredService<WindowDispatcher>().RunDueNowAsync();
            var due = Scheduler.TakeDue();
            foreach (var run in due)
            {
                if (run.Kind == RunKind.RefundCheck)
                {
                    await Services.GetRequiredService<RefundProcessor>().CheckAsync(run.Id);
                }
                else
                {
                    await Services.GetRequiredService<GatewaySynchronizer>().SyncAsync(run.Id);
                }
            }
            if (dispatched == 0 && due.Count == 0)
            {
                return;
            }
        }
    }

    /// <summary>When something is next due: an attempt in our tables or a scheduled run.</summary>
    public async Task<DateTimeOffset?> NextDueAsync()
    {
        var attempt = await Services.GetRequiredService<DueWork>().NextBeforeAsync(DateTimeOffset.MaxValue, [], CancellationToken.None);
        return (attempt, Scheduler.NextAt) switch
        {
            ({ } a, { } r) => a < r ? a : r,
            var (a, r) => a ?? r,
        };
    }

    /// <summary>Moves the clock to the next due instant (never past it) and runs what is due.</summary>
    public async Task AdvanceToNextRunAsync()
    {
        var next = await NextDueAsync() ?? throw new InvalidOperationException("Nothing is scheduled.");
        if (next > Clock.GetUtcNow())
        {
            Clock.SetUtcNow(next);
        }
        await RunDueAsync();
    }

    public async Task<RecoveryChain> ChainAsync(Guid chainId)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<FlexPayDbContext>>().CreateDbContextAsync();
        return await db.Chains.AsNoTracking().WithHistory().SingleAsync(c => c.Id == chainId);
    }

    /// <summary>Every request the sandbox received, in order.</summary>
    public Task<IReadOnlyList<JsonObject>> SandboxLogAsync() => _sandbox.LogAsync();

    /// <summary>The charges the sandbox actually processed (<see cref="SandboxServer.ProcessedChargesAsync"/>).</summary>
    public Task<IReadOnlyList<JsonObject>> ProcessedChargesAsync() => _sandbox.ProcessedChargesAsync();

    /// <summary>
    /// How long the FlexPay clients created from now on wait for an answer. Real time: HttpClient's timeout does not
    /// follow the fake clock, so a test shortens it only while it makes FlexPay slow.
    /// </summary>
    public void SetFlexPayTimeout(TimeSpan timeout) => Services.GetRequiredService<IOptionsMonitor<FlexPayOptions>>().CurrentValue.Timeout = timeout;

    /// <summary>
    /// Faults the sandbox injects from now on. A timed-out request waits <c>timeoutDelay</c> on the fake clock, which
    /// no one moves while a send is in flight, so the engine's client gives up first (its real-time timeout) and the
    /// sandbox then processes the request all the same, as a slow FlexPay would.
    /// </summary>
    public Task SetSandboxFaultsAsync(double serverErrorRate = 0, double dropRate = 0, double timeoutRate = 0) =>
        _sandbox.SetFaultsAsync(serverErrorRate, timeoutRate, dropRate, TimeSpan.FromMilliseconds(100));

    public async ValueTask DisposeAsync()
    {
        _engine.Dispose();
        await _sandbox.DisposeAsync();
        Directory.Delete(_dataDirectory, recursive: true);
    }

    private async Task StartSandboxAsync() => _sandbox = await SandboxServer.StartAsync(
        new Dictionary<string, string?>
        {
            ["Sandbox:RetryDelay"] = SandboxRetryDelay.ToString(),
            ["Sandbox:ApiKeys:0"] = SandboxOptions.DevelopmentApiKey,
            ["Sandbox:ApiKeys:1"] = SecondCompanyKey,
        },
        Clock);

    private async Task StartEngineAsync()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = _dataDirectory });
        builder.Configuration["Storage:DataDirectory"] = _dataDirectory;
        if (_postgres is not null)
        {
            builder.Configuration["Storage:Provider"] = nameof(StorageProvider.Postgres);
            builder.Configuration["ConnectionStrings:FlexPay"] = _postgres;
            // The only node: nothing is armed elsewhere, and a window sleeps until its instant as it does on SQLite.
            builder.Configuration["Scheduler:OtherNodesLookAgain"] = "1.00:00:00";
        }
        builder.Configuration["FlexPay:ApiKey"] = SandboxOptions.DevelopmentApiKey;
        builder.Configuration["FlexPay:Timeout"] = "00:00:15";
        foreach (var (key, value) in _settings)
        {
            builder.Configuration[key] = value;
        }
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Trace);
        builder.Logging.AddProvider(Logs);
        builder.Services.AddSingleton<TimeProvider>(Clock);
        builder.Services.AddSingleton<IRecoveryScheduler>(Scheduler);
        builder.Services.AddSingleton<IGatewaySyncScheduler>(Scheduler);
        builder.Services.AddSecretProtectors((_, kind) => new DataProtectionTestProtector(_dataProtection.CreateProtector(kind)));
        builder.AddFlexPayCore(_ => _sandbox.ApiBase);
        builder.Services.AddHttpClient<FlexPayClient>().AddHttpMessageHandler(() => new FlexPayRequestRecorder.Handler(FlexPayRequests));
        _services(builder.Services);
        _engine = builder.Build();
        Scheduler.Windows = _engine.Services.GetRequiredService<ActiveWindows>();
        await _engine.StartAsync();
        await _engine.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        await _engine.Services.GetRequiredService<DefaultAccountSeeder>().SeedAsync();
    }
}
