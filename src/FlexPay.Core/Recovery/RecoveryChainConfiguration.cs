using FlexPay.Core.Certification;
using FlexPay.Core.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FlexPay.Core.Recovery;

internal sealed class RecoveryChainConfiguration : IEntityTypeConfiguration<RecoveryChain>
{
    public void Configure(EntityTypeBuilder<RecoveryChain> chain)
    {
        chain.ToTable("Chains");
        chain.HasKey(c => c.Id);
        chain.Property(c => c.Id).ValueGeneratedNever();
        chain.Property(c => c.ExternalId).HasMaxLength(TextLimits.ExternalId);
        chain.HasIndex(c => c.ExternalId).IsUnique();
        chain.Property(c => c.Company).HasMaxLength(TextLimits.Company);
        chain.Property(c => c.OrderId).HasMaxLength(TextLimits.OrderId);
        chain.Property(c => c.CustomerId).HasMaxLength(TextLimits.CustomerId);
        chain.Property(c => c.Email).HasMaxLength(TextLimits.Email);
        chain.Property(c => c.CurrencyCode).HasMaxLength(TextLimits.CurrencyCode);
        chain.Property(c => c.PinnedGatewayToken).HasMaxLength(TextLimits.FlexPayId);
        chain.Property(c => c.Description).HasMaxLength(TextLimits.Description);
        chain.Property(c => c.InitialDeclineCode).HasMaxLength(TextLimits.DeclineCode);
        chain.Property(c => c.InitialDeclineMessage).HasMaxLength(TextLimits.Reason);
        chain.Property(c => c.StateReason).HasMaxLength(TextLimits.Message);
        chain.Property(c => c.RecoveredTransactionId).HasMaxLength(TextLimits.FlexPayId);
        chain.Property(c => c.Version).IsConcurrencyToken();
        chain.Ignore(c => c.Money);
        chain.Property<Guid?>(CertificationTag.RunId);
        chain.HasIndex(CertificationTag.RunId).HasFilter(CertificationTag.TaggedSql);

        chain.OwnsOne(c => c.Instrument, instrument =>
        {
            instrument.Property(i => i.PaymentMethodId).HasMaxLength(TextLimits.FlexPayId);
            instrument.Property(i => i.GatewayPaymentMethodId).HasMaxLength(TextLimits.GatewayPaymentMethodId);
            instrument.Property(i => i.CardBrand).HasMaxLength(32);
            instrument.Property(i => i.FirstSixDigits).HasMaxLength(6);
            instrument.Property(i => i.LastFourDigits).HasMaxLength(4);
            instrument.Property(i => i.ExpiryMonth).HasMaxLength(2);
            instrument.Property(i => i.ExpiryYear).HasMaxLength(4);
        });

        chain.HasMany(c => c.Attempts).WithOne().HasForeignKey(a => a.ChainId).OnDelete(DeleteBehavior.Cascade);
        chain.Navigation(c => c.Attempts).UsePropertyAccessMode(PropertyAccessMode.Field);
        chain.HasMany(c => c.Refunds).WithOne().HasForeignKey(r => r.ChainId).OnDelete(DeleteBehavior.Cascade);
        chain.Navigation(c => c.Refunds).UsePropertyAccessMode(PropertyAccessMode.Field);

        // The recoveries grid (ChainSearch): each filter counted and paged newest first from an index, and each sortable
        // column read in order from one, both ways (SQLite cannot scan one index in mixed directions, hence the Desc twins).
        // Two more, on expressions EF Core cannot model, are made by the GridIndexes migration: see docs/decisions/007.
        // The search's NOCASE twins of the searched ids and the e-mail are made by the CaseInsensitiveSearch migration (012).
        chain.HasIndex(c => new { c.State, c.CreatedAt });
        chain.HasIndex(c => new { c.State, c.CreatedAt }, "IX_Chains_State_CreatedAtDesc").IsDescending(false, true);
        chain.HasIndex(c => c.CreatedAt);
        chain.HasIndex(c => new { c.CurrencyCode, c.CreatedAt });
        chain.HasIndex(c => new { c.Company, c.CreatedAt });
        chain.HasIndex(c => c.PinnedGatewayToken);
        chain.HasIndex(c => new { c.CurrencyCode, c.Amount });
        chain.HasIndex(c => new { c.CurrencyCode, c.Amount }, "IX_Chains_CurrencyCode_AmountDesc").IsDescending(false, true);
        chain.HasIndex(c => c.OrderId);
        chain.HasIndex(c => c.CustomerId);
        chain.HasIndex(c => c.NextAttemptDueAt);
        chain.HasIndex(c => new { c.State, c.NextAttemptDueAt });
        chain.HasIndex(c => c.RecoveredTransactionId);
    }
}
