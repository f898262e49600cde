namespace FlexPay.Core.FlexPayApi;

internal static class GatewaySettings
{
    /// <summary>Names only: setting values are credentials.</summary>
    public static string Describe(IReadOnlyDictionary<string, string>? settings) =>
        settings is null ? "none" : $"[{string.Join(", ", settings.Keys.Select(k => $"{k} = ****"))}]";
}
