namespace FlexPay.Core;

/// <summary>Anchor for assembly scanning (EF Core configurations, validators).</summary>
public static class CoreAssembly;
