using FlexPay.Admin.Components.Pages.Recoveries;
using FlexPay.Core.Certification;
using FlexPay.Core.FlexPayApi;
using FlexPay.Core.Persistence;
using FlexPay.Core.Recovery;
using FlexPay.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Options;
using Npgsql;

namespace FlexPay.Admin.Tests.Components.Pages.Recoveries;

/// <summary>
/// The recoveries grid's query over a real (migrated) database: what each filter, search and sort returns, the same on SQLite
/// (<see cref="ChainSearchTests"/>) and on PostgreSQL (<see cref="ChainSearchOnPostgres"/>).
/// </summary>
public abstract class ChainSearchScenarios : IAsyncLifetime
{
    private static readonly DateTimeOffset Day1 = new(2026, 10, 1, 9, 0, 0, TimeSpan.Zero);

    private IDbContextFactory<FlexPayDbContext> _dbFactory = null!;
    private ChainSearch _search = null!;

    [Fact]
    public async Task The_gateway_filter_finds_chains_pinned_to_the_token_sent_with_it_or_routed_through_it()
    {
        var pinned = Open(Day1, pinned: "GW-A");
        var sentWith = Open(Day1.AddDays(1));
        Answer(sentWith, SoftDecline(usedToken: "GW-B", assignedToken: "GW-A"));
        var routedThrough = Open(Day1.AddDays(2));
        Answer(routedThrough, Approved(usedToken: "GW-A"));
        var elsewhere = Open(Day1.AddDays(3));
        Answer(elsewhere, Approved(usedToken: "GW-C"));
        await SeedAsync(pinned, sentWith, routedThrough, elsewhere);

        Assert.Equal([routedThrough.Id, sentWith.Id, pinned.Id], await IdsAsync(new ChainFilter { Gateway = " GW-A " }));
        Assert.Equal([sentWith.Id], await IdsAsync(new ChainFilter { Gateway = "GW-B" }));
        Assert.Equal([elsewhere.Id], await IdsAsync(new ChainFilter { Gateway = "GW-C" }));
        Assert.Empty(await IdsAsync(new ChainFilter { Gateway = "GW-Z" }));
    }

    [Fact]
    public async Task A_gateway_token_that_thousands_of_chains_carry_is_counted_and_paged_the_same_way()
    {
        // More chains than ChainSearch gathers for one token (2,000): its pages probe chain by chain instead.
        var routedThrough = Enumerable.Range(0, 2_050).Select(i => Open(Day1.AddMinutes(i))).ToList();
        routedThrough.ForEach(chain => Answer(chain, Approved(usedToken: "GW-A")));
        var pinned = Open(Day1.AddDays(2), pinned: "GW-A");
        var sentWith = Open(Day1.AddDays(3));
        Answer(sentWith, SoftDecline(usedToken: "GW-B", assignedToken: "GW-A"));
        var elsewhere = Open(Day1.AddDays(4));
        Answer(elsewhere, Approved(usedToken: "GW-C"));
        await SeedAsync([.. routedThrough, pinned, sentWith, elsewhere]);

        var first = await _search.ListAsync(new ChainQuery(0, 25, new ChainFilter { Gateway = "GW-A" }));
        var last = await _search.ListAsync(new ChainQuery(82, 25, new ChainFilter { Gateway = "GW-A" }));

        Assert.Equal(2_052, first.Total);
        Assert.Equal([sentWith.Id, pinned.Id, routedThrough[^1].Id], first.Rows.Take(3).Select(r => r.Id));
        Assert.Equal([routedThrough[1].Id, routedThrough[0].Id], last.Rows.Select(r => r.Id));
    }

    [Fact]
    public async Task Each_filter_keeps_its_chains_newest_first_and_the_total_counts_all_of_them()
    {
        var usdFirstDay = Open(Day1, currency: "USD");
        var eurSecondDay = Open(Day1.AddDays(1), currency: "EUR", company: "acme-eu");
        var eurThirdDay = Open(Day1.AddDays(2).AddHours(14), currency: "EUR", company: "acme-eu");
        Answer(eurThirdDay, Approved(usedToken: "GW-A"));
        var eurFourthDay = Open(Day1.AddDays(3), currency: "EUR");
        await SeedAsync(usdFirstDay, eurSecondDay, eurThirdDay, eurFourthDay);

        Assert.Equal([eurFourthDay.Id, eurThirdDay.Id, eurSecondDay.Id, usdFirstDay.Id], await IdsAsync(new ChainFilter()));
        Assert.Equal([eurFourthDay.Id, eurSecondDay.Id, usdFirstDay.Id], await IdsAsync(new ChainFilter { State = ChainState.Scheduled }));
        Assert.Equal([eurFourthDay.Id, eurThirdDay.Id, eurSecondDay.Id], await IdsAsync(new ChainFilter { Currency = "EUR" }));
        Assert.Equal([eurThirdDay.Id, eurSecondDay.Id], await IdsAsync(new ChainFilter { Company = "acme-eu" }));
        // Both days are whole UTC days, the last one included.
        var secondToThirdDay = new ChainFilter { CreatedFrom = Day1.AddDays(1).UtcDateTime.Date, CreatedTo = Day1.AddDays(2).UtcDateTime.Date };
        Assert.Equal([eurThirdDay.Id, eurSecondDay.Id], await IdsAsync(secondToThirdDay));
        Assert.Equal([eurSecondDay.Id], await IdsAsync(secondToThirdDay with { State = ChainState.Scheduled, Currency = "EUR" }));

        var firstPage = await _search.ListAsync(new ChainQuery(0, 2, new ChainFilter { Currency = "EUR" }));
        Assert.Equal(3, firstPage.Total);
        Assert.Equal([eurFourthDay.Id, eurThirdDay.Id], firstPage.Rows.Select(r => r.Id));
        var lastPage = await _search.ListAsync(new ChainQuery(1, 2, new ChainFilter { Currency = "EUR" }));
        Assert.Equal([eurSecondDay.Id], lastPage.Rows.Select(r => r.Id));
    }

    [Fact]
    public async Task Search_matches_the_start_of_each_id_and_of_the_e_mail_in_any_letter_case()
    {
        var sought = Open(Day1, orderId: "INV-2026-0042", customerId: "Cust-7", email: "Jane.Doe@example.com");
        var retry = Answer(sought, SoftDecline(usedToken: "GW-A", assignedToken: "GW-A", transactionId: "TX-First"));
        var other = Open(Day1.AddDays(1), orderId: "INV-2027-0001", customerId: "cust-8", email: "joe@example.com");
        await SeedAsync(sought, other);

        foreach (var typed in new[]
        {
            "inv-2026", "INV-2026-0042", " cust-7 ", sought.ExternalId[..12].ToUpperInvariant(), "jane.d", "JANE.DOE@EXAMPLE.COM",
            sought.Attempts[0].MerchantTransactionId.ToUpperInvariant(), "tx-fi", retry!.MerchantTransactionId,
        })
        {
            Assert.Equal([sought.Id], await IdsAsync(new ChainFilter { Search = typed }));
        }
        Assert.Equal([other.Id, sought.Id], await IdsAsync(new ChainFilter { Search = "inv-202" }));
        Assert.Empty(await IdsAsync(new ChainFilter { Search = "2026" }));
    }

    [Fact]
    public async Task Search_treats_the_typed_wildcards_as_plain_characters()
    {
        var underscored = Open(Day1, orderId: "INV_1");
        await SeedAsync(underscored, Open(Day1.AddDays(1), orderId: "INV-1"), Open(Day1.AddDays(2), orderId: "INV-100%"));

        Assert.Equal([underscored.Id], await IdsAsync(new ChainFilter { Search = "inv_" }));
        Assert.Empty(await IdsAsync(new ChainFilter { Search = "INV%1" }));
    }

    [Fact]
    public async Task The_rows_carry_each_chain_s_attempt_count()
    {
        var twoAttempts = Open(Day1);
        Answer(twoAttempts, SoftDecline(usedToken: "GW-A", assignedToken: "GW-A"));
        await SeedAsync(twoAttempts, Open(Day1.AddDays(1)));

        var page = await _search.ListAsync(new ChainQuery(0, 25, new ChainFilter()));

        Assert.Equal([1, 2], page.Rows.Select(r => r.Attempts));
    }

    [Fact]
    public async Task Next_retry_sorts_chains_without_one_last_both_ways()
    {
        var dueLater = Open(Day1, dueAt: Day1.AddDays(9));
        var dueSooner = Open(Day1.AddDays(1), dueAt: Day1.AddDays(5));
        var recovered = Open(Day1.AddDays(2));
        Answer(recovered, Approved(usedToken: "GW-A"));
        await SeedAsync(dueLater, dueSooner, recovered);

        Assert.Equal([dueSooner.Id, dueLater.Id, recovered.Id], await IdsAsync(new ChainFilter(), nameof(ChainRow.NextAttemptDueAt)));
        Assert.Equal([dueLater.Id, dueSooner.Id, recovered.Id], await IdsAsync(new ChainFilter(), nameof(ChainRow.NextAttemptDueAt), descending: true));
        Assert.Equal([dueSooner.Id, dueLater.Id], await IdsAsync(new ChainFilter { State = ChainState.Scheduled }, nameof(ChainRow.NextAttemptDueAt)));
    }

    [Fact]
    public async Task Amounts_sort_within_their_currency_which_sorts_first_both_ways()
    {
        var eurSmall = Open(Day1, currency: "EUR", amount: 500);
        var eurLarge = Open(Day1.AddDays(1), currency: "EUR", amount: 90_000);
        var usdMiddle = Open(Day1.AddDays(2), currency: "USD", amount: 2_000);
        await SeedAsync(eurSmall, eurLarge, usdMiddle);

        Assert.Equal([eurSmall.Id, eurLarge.Id, usdMiddle.Id], await IdsAsync(new ChainFilter(), nameof(ChainRow.AmountMinor)));
        Assert.Equal([eurLarge.Id, eurSmall.Id, usdMiddle.Id], await IdsAsync(new ChainFilter(), nameof(ChainRow.AmountMinor), descending: true));
    }

    [Fact]
    public async Task States_sort_by_name_and_newest_first_within_a_state_both_ways()
    {
        var olderScheduled = Open(Day1);
        var newerScheduled = Open(Day1.AddDays(1));
        var olderRecovered = Open(Day1.AddDays(2));
        Answer(olderRecovered, Approved(usedToken: "GW-A"));
        var newerRecovered = Open(Day1.AddDays(3));
        Answer(newerRecovered, Approved(usedToken: "GW-A"));
        await SeedAsync(olderScheduled, newerScheduled, olderRecovered, newerRecovered);

        Assert.Equal([newerRecovered.Id, olderRecovered.Id, newerScheduled.Id, olderScheduled.Id],
            await IdsAsync(new ChainFilter(), nameof(ChainRow.State)));
        Assert.Equal([newerScheduled.Id, olderScheduled.Id, newerRecovered.Id, olderRecovered.Id],
            await IdsAsync(new ChainFilter(), nameof(ChainRow.State), descending: true));
    }

    [Fact]
    public async Task Order_customer_and_creation_time_sort_both_ways()
    {
        var first = Open(Day1, orderId: "INV-2", customerId: "cust-1");
        var second = Open(Day1.AddDays(1), orderId: "INV-1", customerId: "cust-2");
        await SeedAsync(first, second);

        Assert.Equal([second.Id, first.Id], await IdsAsync(new ChainFilter(), nameof(ChainRow.OrderId)));
        Assert.Equal([first.Id, second.Id], await IdsAsync(new ChainFilter(), nameof(ChainRow.OrderId), descending: true));
        Assert.Equal([first.Id, second.Id], await IdsAsync(new ChainFilter(), nameof(ChainRow.CustomerId)));
        Assert.Equal([second.Id, first.Id], await IdsAsync(new ChainFilter(), nameof(ChainRow.CustomerId), descending: true));
        Assert.Equal([first.Id, second.Id], await IdsAsync(new ChainFilter(), nameof(ChainRow.CreatedAt)));
        Assert.Equal([second.Id, first.Id], await IdsAsync(new ChainFilter(), nameof(ChainRow.CreatedAt), descending: true));
    }

    [Fact]
    public async Task A_certification_runs_chains_are_left_out_and_counted_out_unless_the_filter_includes_them()
    {
        var real = Open(Day1, currency: "EUR");
        var certification = Open(Day1.AddDays(1), currency: "EUR", orderId: "CERT-1A2B3C4D");
        await using (var db = await _dbFactory.CreateDbContextAsync())
        {
            db.Chains.AddRange(real, certification);
            db.Entry(certification).Property(CertificationTag.RunId).CurrentValue = Guid.NewGuid();
            await db.SaveChangesAsync();
        }

        var hidden = await _search.ListAsync(new ChainQuery(0, 25, new ChainFilter { Currency = "EUR" }));
        var shown = await _search.ListAsync(new ChainQuery(0, 25, new ChainFilter { Currency = "EUR", IncludeCertification = true }));

        Assert.Equal(1, hidden.Total);
        Assert.Equal([real.Id], hidden.Rows.Select(r => r.Id));
        Assert.Equal(2, shown.Total);
        Assert.Equal([certification.Id, real.Id], shown.Rows.Select(r => r.Id));
        Assert.Equal([certification.Id], await IdsAsync(new ChainFilter { Search = "cert-", IncludeCertification = true }));
        Assert.Empty(await IdsAsync(new ChainFilter { Search = "cert-" }));
    }

    [Fact]
    public void The_switch_travels_in_the_query_string_only_when_on()
    {
        var on = new ChainFilterQuery(null, null, null, null, null, null, null, IncludeCertification: true);
        var off = new ChainFilterQuery(null, null, null, null, null, null, null, IncludeCertification: false);

        Assert.True(on.ToFilter(out _)!.IncludeCertification);
        Assert.False(off.ToFilter(out _)!.IncludeCertification);
        Assert.Equal("true", ChainFilterQuery.Of(new ChainFilter { IncludeCertification = true }).Parameters()["includeCertification"]);
        Assert.Null(ChainFilterQuery.Of(new ChainFilter()).Parameters()["includeCertification"]);
    }

    public async Task InitializeAsync()
    {
        _dbFactory = await OpenEmptyDatabaseAsync();
        _search = new ChainSearch(_dbFactory);
        await using var db = await _dbFactory.CreateDbContextAsync();
        await db.Database.MigrateAsync();
    }

    public virtual Task DisposeAsync() => Task.CompletedTask;

    /// <summary>A database of the provider's own, not yet migrated.</summary>
    private protected abstract Task<IDbContextFactory<FlexPayDbContext>> OpenEmptyDatabaseAsync();

    private protected Task SeedOrderAsync(string orderId) => SeedAsync(Open(Day1, orderId: orderId));

    private static RecoveryChain Open(
        DateTimeOffset createdAt, string currency = "USD", string company = "default", long amount = 2008, string? pinned = null,
        string? orderId = null, string? customerId = null, DateTimeOffset? dueAt = null, string? email = null) =>
        RecoveryChain.Open(
            new NewChain
            {
                ExternalId = "ext-" + Guid.NewGuid().ToString("N"),
                Company = company,
                OrderId = orderId ?? "INV-" + Guid.NewGuid().ToString("N")[..8],
                CustomerId = customerId ?? "cust-" + Guid.NewGuid().ToString("N")[..8],
                Email = email,
                Amount = amount,
                CurrencyCode = currency,
                Instrument = new PaymentInstrument { PaymentMethodId = "PM0000000000000000000000001", LastFourDigits = "9560" },
                PinnedGatewayToken = pinned,
            },
            dueAt ?? createdAt,
            createdAt);

    /// <summary>Sends the chain's open attempt when it is due and records <paramref name="answer"/>; returns the retry it schedules.</summary>
    private static RecoveryAttempt? Answer(RecoveryChain chain, Func<DateTimeOffset, TransactionResult> answer)
    {
        var attempt = chain.ClaimAttempt(chain.OpenAttempt!.Id, chain.NextAttemptDueAt!.Value);
        return chain.RecordAnswer(attempt.Id, answer(attempt.DueAt), attempt.DueAt);
    }

    private static Func<DateTimeOffset, TransactionResult> Approved(string usedToken) => _ => Builders.Result(FlexPayOutcome.Approved, new FlexPayTransaction
    {
        ResponseCode = "10000",
        TransactionId = "TX-" + Guid.NewGuid().ToString("N"),
        GatewayToken = usedToken,
        AssignedGatewayToken = usedToken,
    });

    private static Func<DateTimeOffset, TransactionResult> SoftDecline(string usedToken, string assignedToken, string? transactionId = null) =>
        at => Builders.Result(FlexPayOutcome.SoftDeclineWithRetryDate, new FlexPayTransaction
        {
            ResponseCode = "20003",
            TransactionId = transactionId ?? "TX-" + Guid.NewGuid().ToString("N"),
            RetryDate = at.AddDays(2),
            GatewayToken = usedToken,
            AssignedGatewayToken = assignedToken,
        });

    private async Task SeedAsync(params RecoveryChain[] chains)
    {
        await using var db = await _dbFactory.CreateDbContextAsync();
        db.Chains.AddRange(chains);
        await db.SaveChangesAsync();
    }

    private async Task<Guid[]> IdsAsync(ChainFilter filter, string? sortBy = null, bool descending = false) =>
        [.. (await _search.ListAsync(new ChainQuery(0, 25, filter, sortBy, descending))).Rows.Select(r => r.Id)];
}

/// <summary>The search on its SQLite file, whose plans must read the NOCASE indexes (decision 012).</summary>
public sealed class ChainSearchTests : ChainSearchScenarios
{
    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), $"flexpay-search-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task Search_reads_each_searched_column_from_its_index_never_the_whole_table()
    {
        await SeedOrderAsync("INV-1");
        var plans = new QueryPlanRecorder();
        var search = new ChainSearch(new PooledDbContextFactory<FlexPayDbContext>(new DbContextOptionsBuilder<FlexPayDbContext>()
            .UseSqlite($"Data Source={_databasePath};Pooling=False").AddInterceptors(plans).Options));

        await search.ListAsync(new ChainQuery(0, 25, new ChainFilter { Search = "inv-1" }));

        var steps = plans.Steps.ToList();
        Assert.NotEmpty(steps);
        Assert.DoesNotContain(steps, step => step.StartsWith("SCAN", StringComparison.Ordinal) && !step.Contains("USING", StringComparison.Ordinal));
        foreach (var index in new[] { "OrderId", "CustomerId", "ExternalId", "Email" })
        {
            Assert.Contains(steps, step => step.Contains($"IX_Chains_{index}_NoCase", StringComparison.Ordinal));
        }
        Assert.Contains(steps, step => step.Contains("IX_Attempts_MerchantTransactionId_NoCase", StringComparison.Ordinal));
        Assert.Contains(steps, step => step.Contains("IX_Attempts_TransactionId_NoCase", StringComparison.Ordinal));
    }

    public override Task DisposeAsync()
    {
        File.Delete(_databasePath);
        return Task.CompletedTask;
    }

    private protected override Task<IDbContextFactory<FlexPayDbContext>> OpenEmptyDatabaseAsync() =>
        Task.FromResult<IDbContextFactory<FlexPayDbContext>>(new PooledDbContextFactory<FlexPayDbContext>(
            new DbContextOptionsBuilder<FlexPayDbContext>().UseSqlite($"Data Source={_databasePath};Pooling=False").Options));
}

/// <summary>The search on PostgreSQL, where LIKE heeds letter case and both sides are folded with lower() (decision 014).</summary>
[Collection(PostgresServer.Collection)]
public sealed class ChainSearchOnPostgres(PostgresServer postgres) : ChainSearchScenarios
{
    private string _connectionString = null!;

    [Fact]
    public async Task A_folded_prefix_is_read_from_the_folded_index_of_its_column()
    {
        await SeedOrderAsync("INV-1");
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        // A handful of rows would be scanned whatever the indexes; forbidding the scan shows whether an index can answer.
        await using (var noScans = new NpgsqlCommand("SET enable_seqscan = off", connection))
        {
            await noScans.ExecuteNonQueryAsync();
        }
        await using var explain = new NpgsqlCommand(
            "EXPLAIN SELECT \"Id\" FROM \"Chains\" WHERE lower(\"OrderId\") LIKE lower(@prefix) ESCAPE '\\'", connection);
        explain.Parameters.AddWithValue("prefix", SearchPrefix.Like("inv-1"));

        var plan = new List<string>();
        await using (var reader = await explain.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                plan.Add(reader.GetString(0));
            }
        }

        Assert.Contains(plan, line => line.Contains("IX_Chains_OrderId_Folded", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, line => line.Contains("Seq Scan", StringComparison.Ordinal));
    }

    private protected override async Task<IDbContextFactory<FlexPayDbContext>> OpenEmptyDatabaseAsync()
    {
        _connectionString = await postgres.CreateDatabaseAsync();
        var options = new DbContextOptionsBuilder<FlexPayDbContext>();
        options.UseConsoleDatabase(StorageProvider.Postgres, _connectionString);
        return new FlexPayDbContextFactory(options.Options, Options.Create(new StorageOptions { Provider = StorageProvider.Postgres, ConnectionString = _connectionString }));
    }
}
