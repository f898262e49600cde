using FlexPay.Core.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FlexPay.Core.Recovery;

internal sealed class RecoveryAttemptConfiguration : IEntityTypeConfiguration<RecoveryAttempt>
{
    public void Configure(EntityTypeBuilder<RecoveryAttempt> attempt)
    {
        attempt.ToTable("Attempts");
        attempt.HasKey(a => a.Id);
        // Ids are made by the domain; a new attempt found in a loaded chain is an insert, not an update.
        attempt.Property(a => a.Id).ValueGeneratedNever();
        attempt.Property(a => a.MerchantTransactionId).HasMaxLength(TextLimits.FlexPayId);
        attempt.HasIndex(a => a.MerchantTransactionId).IsUnique();
        attempt.HasIndex(a => new { a.ChainId, a.RetryCount, a.MerchantTransactionId });
        // The dispatcher's two questions: which scheduled attempts are due by an instant, which unknown outcomes are to be checked.
        attempt.HasIndex(a => new { a.Status, a.DueAt });
        attempt.HasIndex(a => new { a.Status, a.NextCheckAt });
        attempt.HasIndex(a => a.TransactionId);
        // The recoveries grid's gateway filter: the chains whose attempts carried a token, without reading the attempts.
        attempt.HasIndex(a => new { a.GatewayTokenUsed, a.ChainId });
        attempt.HasIndex(a => new { a.GatewayTokenSent, a.ChainId });
        attempt.Property(a => a.ReferenceDataSent).HasMaxLength(TextLimits.ReferenceData);
        attempt.Property(a => a.ReferenceDataReceived).HasMaxLength(TextLimits.ReferenceData);
        attempt.Property(a => a.GatewayTokenSent).HasMaxLength(TextLimits.FlexPayId);
        attempt.Property(a => a.GatewayTokenUsed).HasMaxLength(TextLimits.FlexPayId);
        attempt.Property(a => a.AssignedGatewayTokenReceived).HasMaxLength(TextLimits.FlexPayId);
        attempt.Property(a => a.TransactionId).HasMaxLength(TextLimits.FlexPayId);
        attempt.Property(a => a.ResponseCode).HasMaxLength(TextLimits.ResponseCode);
        attempt.Property(a => a.ResponseMessage).HasMaxLength(TextLimits.Message);
        attempt.Ignore(a => a.Lateness);
        attempt.Ignore(a => a.IsOpen);
    }
}
