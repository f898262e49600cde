namespace FlexPay.E2E;

/// <summary>
/// Debian's Chromium: Playwright cannot download its own browsers here. <c>scripts/test</c> installs the
/// package when it is missing; <c>CHROMIUM_PATH</c> points elsewhere if need be.
/// </summary>
internal static class Chromium
{
    public static string ExecutablePath
    {
        get
        {
            var path = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } configured ? configured : "/usr/bin/chromium";
            return File.Exists(path)
                ? path
                : throw new FileNotFoundException($"No Chromium at {path}. Run ./scripts/test, which installs Debian's chromium, or set CHROMIUM_PATH.", path);
        }
    }
}
