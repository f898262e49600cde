namespace FlexPay.Admin.Hosting;

/// <summary>
/// What the configuration says about safety before the app serves anything. A setting that would leave a console
/// outside Development open (no real FlexPay, an unencrypted key ring) is a refusal: the console exits with a message
/// naming it instead of running open. A setting that opens something on purpose is a warning in the log. Registration
/// goes on as usual, so that commands needing no web server (<c>create-admin</c>) still run with the same configuration.
/// </summary>
internal sealed class StartupChecks
{
    private readonly List<string> _refusals = [];
    private readonly List<Action<ILogger>> _warnings = [];

    public void Refuse(string setting, string reason) => _refusals.Add($"{setting}: {reason}");

    public void Warn(Action<ILogger> warning) => _warnings.Add(warning);

    /// <summary>
    /// Refusals go to standard error, not the log: the console logger writes asynchronously and could lose them at exit.
    /// True when the console must not start.
    /// </summary>
    public bool Report(ILogger logger, TextWriter error)
    {
        foreach (var refusal in _refusals)
        {
            error.WriteLine($"The FlexPay console does not start. {refusal}");
        }
        _warnings.ForEach(warn => warn(logger));
        return _refusals.Count > 0;
    }
}

internal static class StartupCheckExtensions
{
    public static void RefuseToStart(this IHostApplicationBuilder builder, string setting, string reason) => builder.Checks().Refuse(setting, reason);

    public static void WarnAtStart(this IHostApplicationBuilder builder, Action<ILogger> warning) => builder.Checks().Warn(warning);

    /// <summary>Logs the warnings, reports the refusals and sets exit code 1 if there are any.</summary>
    public static bool RefusedToStart(this WebApplication app)
    {
        if (app.Services.GetService<StartupChecks>()?.Report(app.Logger, Console.Error) != true)
        {
            return false;
        }
        Environment.ExitCode = 1;
        return true;
    }

    private static StartupChecks Checks(this IHostApplicationBuilder builder)
    {
        if (builder.Properties.TryGetValue(typeof(StartupChecks), out var found) && found is StartupChecks checks)
        {
            return checks;
        }
        checks = new StartupChecks();
        builder.Properties[typeof(StartupChecks)] = checks;
        builder.Services.AddSingleton(checks);
        return checks;
    }
}
