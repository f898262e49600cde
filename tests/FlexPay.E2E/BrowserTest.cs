using Microsoft.Playwright;

namespace FlexPay.E2E;

/// <summary>
/// A test that opens browser pages on the shared console. After each test, every page it opened is photographed
/// as it was left (<c>TestResults/e2e/last-&lt;test class&gt;-&lt;test&gt;-&lt;page&gt;.png</c>, tests numbered in the order
/// they ran: on a failure, what the browser showed) and its context closed; and the test fails if any page it opened
/// broke the Content-Security-Policy (the tests of one collection run one after another).
/// </summary>
[Collection(ConsoleCollection.Name)]
public abstract class BrowserTest(ConsoleUnderTest console) : IAsyncLifetime
{
    private static int s_testsRun;
    private readonly int _test = Interlocked.Increment(ref s_testsRun);
    private readonly List<IPage> _pages = [];
    private int _cspViolationsBefore = console.CspViolations.Count;

    protected ConsoleUnderTest Console => console;

    protected async Task<IPage> SignedInPageAsync(
        string email = ConsoleUnderTest.AdminEmail, string password = ConsoleUnderTest.AdminPassword, int width = 1280, int height = 800,
        bool dark = false) =>
        Keep(await console.SignedInPageAsync(email, password, width, height, dark));

    protected async Task<IPage> NewPageAsync(int width = 1280, int height = 800, bool dark = false) => Keep(await console.NewPageAsync(width, height, dark));

    /// <summary>For a test that breaks the policy on purpose: the violations so far were expected.</summary>
    protected IReadOnlyList<string> TakeCspViolations()
    {
        var taken = console.CspViolations.Skip(_cspViolationsBefore).ToList();
        _cspViolationsBefore = console.CspViolations.Count;
        return taken;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        for (var i = 0; i < _pages.Count; i++)
        {
            await ConsoleUnderTest.ScreenshotAsync(_pages[i], $"last-{GetType().Name}-{_test}-{i + 1}");
            await _pages[i].Context.CloseAsync();
        }
        Assert.Empty(console.CspViolations.Skip(_cspViolationsBefore));
    }

    private IPage Keep(IPage page)
    {
        _pages.Add(page);
        return page;
    }
}
