using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FlexPay.Core.Recovery;

internal sealed class RefundConfiguration : IEntityTypeConfiguration<Refund>
{
    public void Configure(EntityTypeBuilder<Refund> refund)
    {
        refund.ToTable("Refunds");
        refund.HasKey(r => r.Id);
        refund.Property(r => r.Id).ValueGeneratedNever();
        refund.Property(r => r.MerchantTransactionId).HasMaxLength(64);
        refund.HasIndex(r => r.MerchantTransactionId).IsUnique();
        refund.HasIndex(r => r.RequestedAt);
        refund.Property(r => r.Reason).HasMaxLength(500);
        refund.Property(r => r.RequestedBy).HasMaxLength(256);
        refund.Property(r => r.TransactionId).HasMaxLength(64);
        refund.Property(r => r.ResponseCode).HasMaxLength(16);
        refund.Property(r => r.ResponseMessage).HasMaxLength(1000);
        refund.Ignore(r => r.Reserves);
    }
}
