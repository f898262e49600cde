using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FlexPay.Core.Recovery;

internal sealed class IdempotentRequestConfiguration : IEntityTypeConfiguration<IdempotentRequest>
{
    public void Configure(EntityTypeBuilder<IdempotentRequest> request)
    {
        request.ToTable("IdempotentRequests");
        request.HasKey(r => new { r.Operation, r.Key });
        request.Property(r => r.Operation).HasMaxLength(32);
        request.Property(r => r.Key).HasMaxLength(IdempotentCall.MaxKeyLength);
        request.Property(r => r.Fingerprint).HasMaxLength(64);
    }
}
