using Microsoft.AspNetCore.Components.Server.Circuits;

namespace FlexPay.Admin.Identity.Sessions;

/// <summary>
/// When the person in an open page last did something (a click, a key, a reply from the browser). Work inside a page
/// sends no HTTP request, so without this an active user would look idle and be signed out.
/// </summary>
internal sealed class CircuitActivity(TimeProvider clock)
{
    public DateTimeOffset LastActivity { get; private set; } = clock.GetUtcNow();

    public void Touch() => LastActivity = clock.GetUtcNow();
}

internal sealed class CircuitActivityHandler(CircuitActivity activity) : CircuitHandler
{
    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
        context =>
        {
            activity.Touch();
            return next(context);
        };
}
