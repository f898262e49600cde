using FlexPay.Core.Gateways;
using FlexPay.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace FlexPay.Core.Tests.Persistence;

/// <summary>
/// A gateway's profile is one complex property, stored in the columns its settings had before they were one record,
/// so databases made by earlier versions read and write unchanged.
/// </summary>
public sealed class GatewayColumnsTests
{
    [Fact]
    public async Task The_profile_is_stored_in_the_gateway_s_own_columns_and_read_back_whole()
    {
        var path = Path.Combine(Path.GetTempPath(), $"flexpay-gateway-columns-{Guid.NewGuid():N}.db");
        try
        {
            var dbFactory = new PooledDbContextFactory<FlexPayDbContext>(
                new DbContextOptionsBuilder<FlexPayDbContext>().UseSqlite($"Data Source={path};Pooling=False").Options);
            await new DatabaseMigrator(dbFactory).MigrateAsync();
            var profile = new GatewayProfile
            {
                GatewayType = "nmi", MerchantAccountReferenceId = "MID-7", CurrencyCode = "EUR", AcceptedCurrencyCodes = ["EUR", "USD"],
                Weight = 4, AcceptRetries = false, CvvRequired = true, ApprovedChargeOrCaptureRateFee = 2.5m, OtherTransactionFlatFee = 0.1m,
            };
            var gateway = Gateway.Define("MID Lyon", "default", profile, DateTimeOffset.UnixEpoch);
            await using (var db = await dbFactory.CreateDbContextAsync())
            {
                db.Gateways.Add(gateway);
                await db.SaveChangesAsync();
            }

            await using var read = await dbFactory.CreateDbContextAsync();
            var columns = await read.Database
                .SqlQuery<string>($"SELECT GatewayType || '|' || MerchantAccountReferenceId || '|' || CurrencyCode || '|' || AcceptedCurrencyCodes || '|' || Weight || '|' || AcceptRetries || '|' || CvvRequired AS Value FROM Gateways")
                .SingleAsync();
            Assert.Equal("""nmi|MID-7|EUR|["EUR","USD"]|4|0|1""", columns);
            var stored = await read.Gateways.AsNoTracking().SingleAsync();
            Assert.True(stored.Profile.SameAs(profile));
            Assert.Equal(profile, stored.Profile with { AcceptedCurrencyCodes = profile.AcceptedCurrencyCodes });
        }
        finally
        {
            File.Delete(path);
        }
    }
}
