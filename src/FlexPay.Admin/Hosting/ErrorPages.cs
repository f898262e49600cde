namespace FlexPay.Admin.Hosting;

internal static class ErrorPages
{
    /// <summary>
    /// Machines (the intake API, the sandbox) get RFC 7807 problem documents for empty error responses;
    /// people get the console's friendly pages. Re-executing an API error into a page would turn a 415
    /// or 404 into an HTML answer the billing system cannot read.
    /// </summary>
    public static WebApplication UseConsoleErrorPages(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
        }
        app.UseWhen(IsForMachines, api => api.UseStatusCodePages());
        app.UseWhen(context => !IsForMachines(context), ui => ui.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));
        return app;
    }

    private static bool IsForMachines(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments(FlexPayConnection.SandboxPrefix);
}
