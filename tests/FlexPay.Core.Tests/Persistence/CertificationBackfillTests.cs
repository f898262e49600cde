using FlexPay.Core.Certification;
using FlexPay.Core.Gateways;
using FlexPay.Core.Persistence;
using FlexPay.Core.Recovery;
using FlexPay.Core.Tests.Gateways;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace FlexPay.Core.Tests.Persistence;

/// <summary>
/// The CertificationRunTag migration tags what runs made before the tag existed, so their gateways are disabled at the
/// next start and their recoveries leave the lists (docs/decisions/015).
/// </summary>
public sealed class CertificationBackfillTests
{
    private const string MigrationBeforeTheTag = "20261201232438_CaseInsensitiveSearch";

    [Fact]
    public async Task Migrating_tags_earlier_runs_gateways_by_name_and_recoveries_by_company_and_time_and_nothing_else()
    {
        var path = Path.Combine(Path.GetTempPath(), $"flexpay-backfill-{Guid.NewGuid():N}.db");
        try
        {
            var dbFactory = new PooledDbContextFactory<FlexPayDbContext>(
                new DbContextOptionsBuilder<FlexPayDbContext>().UseSqlite($"Data Source={path};Pooling=False").Options);
            var start = new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);
            var older = new CertificationRun("default", "admin@flexpay.test", start);
            var newer = new CertificationRun("default", "admin@flexpay.test", start.AddHours(2));
            var runGateway = Gateway.Define($"CERT-{newer.Mark}-ROUTING", "default", GatewayBuilders.Draft("x"), start);
            var realGateway = Gateway.Define("MID-EU-EUR", "default", GatewayBuilders.Draft("y"), start);
            var runChain = Chain("cert-" + Guid.NewGuid().ToString("N"), "certification", start.AddHours(2).AddMinutes(5));
            var realChain = Chain("rebill-1", "cust-42", start.AddHours(3));
            await using (var db = await dbFactory.CreateDbContextAsync())
            {
                await db.Database.MigrateAsync();
                db.AddRange(older, newer, runGateway, realGateway, runChain, realChain);
                await db.SaveChangesAsync();
                // As a database from before the tag: the rows are there, the column is not.
                await db.GetService<IMigrator>().MigrateAsync(MigrationBeforeTheTag);
                await db.Database.MigrateAsync();
            }

            await using var migrated = await dbFactory.CreateDbContextAsync();
            Assert.Equal([runGateway.Id], await migrated.Gateways.OfRun(newer.Id).Select(g => g.Id).ToListAsync());
            Assert.Equal([runChain.Id], await migrated.Chains.OfRun(newer.Id).Select(c => c.Id).ToListAsync());
            Assert.Empty(await migrated.Chains.OfRun(older.Id).ToListAsync());
            Assert.Equal([realGateway.Id], await migrated.Gateways.Shown(includeCertification: false).Select(g => g.Id).ToListAsync());
            Assert.Equal([realChain.Id], await migrated.Chains.Shown(includeCertification: false).Select(c => c.Id).ToListAsync());
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static RecoveryChain Chain(string externalId, string customerId, DateTimeOffset createdAt) => RecoveryChain.Open(
        new NewChain
        {
            ExternalId = externalId,
            Company = "default",
            OrderId = "ORDER-" + Guid.NewGuid().ToString("N")[..8],
            CustomerId = customerId,
            Amount = 1000,
            CurrencyCode = "USD",
            Instrument = new PaymentInstrument { PaymentMethodId = "PM0000000000000000000000001", LastFourDigits = "9560" },
        },
        createdAt,
        createdAt);
}
