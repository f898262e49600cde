using FlexPay.Admin.Components.Pages.Audit;

namespace FlexPay.Admin.Tests.Components.Pages.Audit;

/// <summary>How the audit screen names what an entry was about; the stored text keeps its ids.</summary>
public sealed class AuditTargetTests
{
    private static readonly Guid ChainId = Guid.Parse("01a20b51-d0cd-722a-8cd7-7e0f5d278cab");
    private static readonly Guid GatewayId = Guid.Parse("01a20b18-4ecd-77e2-bca6-0612ee4b56ca");

    [Fact]
    public void A_recovery_is_named_by_its_order_and_linked()
    {
        var target = AuditTarget.Of($"recovery {ChainId}", new Dictionary<Guid, string> { [ChainId] = "INV-1001" });

        Assert.Equal(new AuditTarget("Recovery INV-1001", $"/recoveries/{ChainId}", ChainId.ToString()), target);
    }

    [Fact]
    public void A_gateway_keeps_the_name_it_was_recorded_with_and_a_bare_id_is_looked_up()
    {
        var named = AuditTarget.Of($"gateway MID-East ({GatewayId})", new Dictionary<Guid, string>());
        var bare = AuditTarget.Of($"gateway {GatewayId}", new Dictionary<Guid, string> { [GatewayId] = "MID-West" });

        Assert.Equal("Gateway MID-East", named.Text);
        Assert.Equal("Gateway MID-West", bare.Text);
        Assert.Equal([GatewayId], AuditTarget.Ids([$"gateway {GatewayId}", $"gateway MID-East ({GatewayId})", "user a@b.test"]));
    }

    [Fact]
    public void An_unknown_recovery_is_shortened_and_anything_else_is_shown_as_stored()
    {
        Assert.Equal("Recovery 01a20b51…", AuditTarget.Of($"recovery {ChainId}", new Dictionary<Guid, string>()).Text);
        Assert.Equal(new AuditTarget("user a@b.test", null, null), AuditTarget.Of("user a@b.test", new Dictionary<Guid, string>()));
    }
}
