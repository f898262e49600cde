using FlexPay.Core.Text;
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
        refund.Property(r => r.MerchantTransactionId).HasMaxLength(TextLimits.FlexPayId);
        refund.HasIndex(r => r.MerchantTransactionId).IsUnique();
        refund.HasIndex(r => r.RequestedAt);
        refund.Property(r => r.Reason).HasMaxLength(TextLimits.Reason);
        refund.Property(r => r.RequestedBy).HasMaxLength(TextLimits.Actor);
        refund.Property(r => r.TransactionId).HasMaxLength(TextLimits.FlexPayId);
        refund.Property(r => r.ResponseCode).HasMaxLength(TextLimits.ResponseCode);
        refund.Property(r => r.ResponseMessage).HasMaxLength(TextLimits.Message);
        refund.Ignore(r => r.Reserves);
    }
}
