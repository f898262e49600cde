using FlexPay.Core.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FlexPay.Core.Accounts;

internal sealed class FlexPayAccountConfiguration : IEntityTypeConfiguration<FlexPayAccount>
{
    public void Configure(EntityTypeBuilder<FlexPayAccount> account)
    {
        account.ToTable("FlexPayAccounts");
        account.HasKey(a => a.Id);
        account.Property(a => a.Id).ValueGeneratedNever();
        account.Property(a => a.Company).HasMaxLength(TextLimits.Company);
        account.HasIndex(a => a.Company).IsUnique();
        account.Property(a => a.ProtectedApiKey).HasMaxLength(2000);
        account.Property(a => a.KeyHint).HasMaxLength(16);
    }
}
