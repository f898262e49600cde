using FlexPay.Core.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FlexPay.Core.Webhooks;

internal sealed class WebhookEndpointConfiguration : IEntityTypeConfiguration<WebhookEndpoint>
{
    public void Configure(EntityTypeBuilder<WebhookEndpoint> endpoint)
    {
        endpoint.ToTable("WebhookEndpoints");
        endpoint.HasKey(e => e.Id);
        endpoint.Property(e => e.Id).ValueGeneratedNever();
        endpoint.Property(e => e.Url).HasMaxLength(TextLimits.WebhookUrl);
        endpoint.Property(e => e.Description).HasMaxLength(TextLimits.Description);
        endpoint.PrimitiveCollection(e => e.Events);
    }
}

internal sealed class WebhookEventConfiguration : IEntityTypeConfiguration<WebhookEvent>
{
    public void Configure(EntityTypeBuilder<WebhookEvent> webhookEvent)
    {
        webhookEvent.ToTable("WebhookEvents");
        webhookEvent.HasKey(e => e.Id);
        webhookEvent.Property(e => e.Id).ValueGeneratedNever();
        webhookEvent.Property(e => e.Type).HasMaxLength(64);
        webhookEvent.HasIndex(e => new { e.SubjectId, e.Sequence });
        webhookEvent.HasIndex(e => e.CreatedAt);
    }
}

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> delivery)
    {
        delivery.ToTable("WebhookDeliveries");
        delivery.HasKey(d => d.Id);
        delivery.Property(d => d.Id).ValueGeneratedNever();
        delivery.HasOne(d => d.Event).WithMany().HasForeignKey(d => d.EventId);
        delivery.HasOne<WebhookEndpoint>().WithMany().HasForeignKey(d => d.EndpointId).OnDelete(DeleteBehavior.Cascade);
        delivery.Property(d => d.LastError).HasMaxLength(TextLimits.Message);
        delivery.Property(d => d.LastResponse).HasMaxLength(WebhookDelivery.ResponseExcerptLength);
        // The dispatcher's two questions: what is due, and is an earlier event of the same subject still pending.
        delivery.HasIndex(d => new { d.Status, d.NextAttemptAt });
        delivery.HasIndex(d => new { d.EndpointId, d.SubjectId, d.Status, d.Sequence });
        delivery.HasIndex(d => new { d.EndpointId, d.CreatedAt });
        delivery.HasMany(d => d.Tries).WithOne().HasForeignKey(t => t.DeliveryId).OnDelete(DeleteBehavior.Cascade);
        delivery.Navigation(d => d.Tries).HasField("_tries");
    }
}

internal sealed class WebhookDeliveryTryConfiguration : IEntityTypeConfiguration<WebhookDeliveryTry>
{
    public void Configure(EntityTypeBuilder<WebhookDeliveryTry> deliveryTry)
    {
        deliveryTry.ToTable("WebhookDeliveryTries");
        deliveryTry.HasKey(t => t.Id);
        deliveryTry.Property(t => t.Id).ValueGeneratedNever();
        deliveryTry.Property(t => t.Error).HasMaxLength(TextLimits.Message);
        deliveryTry.Property(t => t.Response).HasMaxLength(WebhookDelivery.ResponseExcerptLength);
        deliveryTry.HasIndex(t => new { t.DeliveryId, t.Number }).IsUnique();
    }
}
