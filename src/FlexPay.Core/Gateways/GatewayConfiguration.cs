using FlexPay.Core.Certification;
using FlexPay.Core.Text;
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
        gateway.Property(g => g.Name).HasMaxLength(TextLimits.GatewayName);
        gateway.Property(g => g.Company).HasMaxLength(TextLimits.Company);
        // The profile's members keep the columns they had before they were one record: no data migration.
        var profile = gateway.ComplexProperty(g => g.Profile).Metadata.ComplexType;
        foreach (var property in profile.GetProperties())
        {
            property.SetColumnName(property.Name);
        }
        gateway.PrimitiveCollection(g => g.CredentialKeys);
        gateway.Property(g => g.ProtectedCredentials);
        gateway.Property(g => g.FlexPayToken).HasMaxLength(TextLimits.FlexPayId);
        gateway.Property(g => g.LastSyncError).HasMaxLength(TextLimits.Message);
        gateway.Property(g => g.Drift).HasMaxLength(TextLimits.Message);
        gateway.Property(g => g.PendingChanges).HasConversion<int>();
        gateway.Property(g => g.Version).IsConcurrencyToken();
        gateway.Ignore(g => g.HasCredentials);
        gateway.Ignore(g => g.CredentialsNeedReentry);
        gateway.Ignore(g => g.IsKnownAtFlexPay);
        gateway.Ignore(g => g.ExpectedFlexPayStatus);

        // A token names one gateway; names are unique per company, as staff tell gateways apart by name.
        gateway.HasIndex(g => g.FlexPayToken).IsUnique();
        gateway.HasIndex(g => new { g.Company, g.Name }).IsUnique();
        gateway.HasIndex(g => g.SyncState);
        gateway.Property<Guid?>(CertificationTag.RunId);
        gateway.HasIndex(CertificationTag.RunId).HasFilter(CertificationTag.TaggedSql);
    }
}
