using Microsoft.AspNetCore.Diagnostics;

namespace FlexPay.Admin.Hosting;

internal static class ErrorPages
{
    /// <summary>
    /// People get the console's friendly pages; machines (the intake API, the sandbox) get RFC 7807 problem
    /// documents, for exceptions (<see cref="Api.ApiExceptionHandler"/>, in Development too) and for empty error
    /// responses. Re-executing an API error into a page would turn a 415 or 404 into an HTML answer the billing
    /// system cannot read.
    /// </summary>
    public static WebApplication UseConsoleErrorPages(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
        }
        app.UseWhen(IsForMachines, machines => machines.UseExceptionHandler());
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.Use(async (context, next) =>
        {
            if (!IsForMachines(context))
            {
                await next(context);
                return;
            }
            if (context.Features.Get<IStatusCodePagesFeature>() is { } pages)
            {
                pages.Enabled = false;
            }
            await next(context);
            if (context.Response is { StatusCode: >= 400, HasStarted: false, ContentLength: null, ContentType: null })
            {
                await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext { HttpContext = context });
            }
        });
        return app;
    }

    public static bool IsForMachines(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments(FlexPayConnection.SandboxPrefix);
}
