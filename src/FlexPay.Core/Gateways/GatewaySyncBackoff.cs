namespace FlexPay.Core.Gateways;

/// <summary>2 s, 4 s, 8 s … after the 1st, 2nd, 3rd failure, capped (5 min by default): short outages cost seconds, long ones few calls.</summary>
public static class GatewaySyncBackoff
{
    public static TimeSpan Delay(int failures, TimeSpan first, TimeSpan maximum)
    {
        var exponent = Math.Clamp(failures - 1, 0, 30);
        var ticks = first.Ticks * Math.Pow(2, exponent);
        return ticks >= maximum.Ticks ? maximum : TimeSpan.FromTicks((long)ticks);
    }
}
