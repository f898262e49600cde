using System.Net;
using System.Text.RegularExpressions;
using FlexPay.Admin.Identity;
using FlexPay.Testing;

namespace FlexPay.Admin.Tests.Identity;

/// <summary>The two-factor pages as a browser fills them in, with the codes an authenticator app would compute.</summary>
internal static partial class TwoFactorForms
{
    /// <summary>Opens the set-up page, reads the shared key, confirms it with the app's code; returns the key and the page that answered.</summary>
    public static async Task<(string Key, string Answer)> SetUpAsync(HttpClient browser)
    {
        var page = await browser.GetStringAsync(IdentityRegistration.TwoFactorPath);
        var key = WebUtility.HtmlDecode(KeyPattern().Match(page).Groups[1].Value);
        Assert.False(string.IsNullOrWhiteSpace(key), "The set-up page shows no key.");
        using var answer = await PostAsync(browser, IdentityRegistration.TwoFactorPath, "enable-two-factor", AuthenticatorApp.Code(key, DateTimeOffset.UtcNow), page);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        return (key, await answer.Content.ReadAsStringAsync());
    }

    /// <summary>The recovery codes a page lists.</summary>
    public static IReadOnlyList<string> RecoveryCodes(string page) =>
        [.. RecoveryCodePattern().Matches(page).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value))];

    /// <summary>Posts a code to the sign-in's second step, where the password step sent the browser.</summary>
    public static async Task<HttpResponseMessage> SecondFactorAsync(HttpClient browser, string secondStep, string code)
    {
        var page = await browser.GetStringAsync(secondStep);
        return await PostAsync(browser, secondStep, "second-factor", code, page);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient browser, string path, string form, string code, string page)
    {
        using var body = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = form,
            ["__RequestVerificationToken"] = ConsoleAppFactory.AntiforgeryToken(page),
            ["Input.Code"] = code,
        });
        return await browser.PostAsync(path, body);
    }

    [GeneratedRegex("data-test=\"authenticator-key\"[^>]*>([^<]+)<")]
    private static partial Regex KeyPattern();

    [GeneratedRegex("<li class=\"fp-mono\"[^>]*>([^<]+)</li>")]
    private static partial Regex RecoveryCodePattern();
}
