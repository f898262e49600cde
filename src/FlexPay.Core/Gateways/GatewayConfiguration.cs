using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FlexPay.Core.Gateways;

internal sealed class GatewayConfiguration : IEntityTypeConfiguration<Gateway>
{
    public void Configure(EntityTypeBuilder<Gateway> gateway)
    {
        gateway.ToTable("Gateways");
        gateway.HasKey(g => g.Id);
        gateway.Property(g => g.Id).ValueGeneratedNever();
        gateway.Property(g => g.Name).HasMaxLength(GatewayDraftValidator.MaxNameLength);
        gateway.Property(g => g.Company).HasMaxLength(100);
        gateway.Property(g => g.GatewayType).HasMaxLength(64);
        gateway.Property(g => g.MerchantAccountReferenceId).HasMaxLength(64);
        gateway.Property(g => g.CurrencyCode).HasMaxLength(3);
        gateway.PrimitiveCollection(g => g.AcceptedCurrencyCodes);
        gateway.PrimitiveCollection(g => g.CredentialKeys);
        gateway.Property(g => g.ProtectedCredentials);
        gateway.Property(g => g.FlexPayToken).HasMaxLength(64);
        gateway.Property(g => g.LastSyncError).HasMaxLength(1000);
        gateway.Property(g => g.PendingChanges).HasConversion<int>();
        gateway.Property(g => g.Version).IsConcurrencyToken();
        gateway.Ignore(g => g.HasCredentials);
        gateway.Ignore(g => g.CredentialsNeedReentry);
        gateway.Ignore(g => g.IsKnownAtFlexPay);
        gateway.Ignore(g => g.ExpectedFlexPayStatus);
        gateway.Ignore(g => g.Profile);

        // A token names one gateway; names are unique per company, as staff tell gateways apart by name.
        gateway.HasIndex(g => g.FlexPayToken).IsUnique();
        gateway.HasIndex(g => new { g.Company, g.Name }).IsUnique();
        gateway.HasIndex(g => g.SyncState);
    }
}
