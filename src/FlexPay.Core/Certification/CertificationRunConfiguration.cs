using FlexPay.Core.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FlexPay.Core.Certification;

internal sealed class CertificationRunConfiguration : IEntityTypeConfiguration<CertificationRun>
{
    public void Configure(EntityTypeBuilder<CertificationRun> run)
    {
        run.ToTable("CertificationRuns");
        run.HasKey(r => r.Id);
        run.Property(r => r.Id).ValueGeneratedNever();
        run.Property(r => r.Company).HasMaxLength(TextLimits.Company);
        run.Property(r => r.StartedBy).HasMaxLength(TextLimits.Actor);
        run.HasIndex(r => r.CreatedAt);
        run.Ignore(r => r.CompletedSteps);
        run.Ignore(r => r.Mark);
        // A run is read and written whole; its steps and tokens live in one JSON column.
        run.OwnsMany(r => r.Steps, step =>
        {
            step.ToJson();
            step.Property(s => s.Title).HasMaxLength(100);
            step.OwnsMany(s => s.Tokens);
            step.Navigation(s => s.Tokens).UsePropertyAccessMode(PropertyAccessMode.Field);
        });
        run.Navigation(r => r.Steps).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
