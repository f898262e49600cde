using Microsoft.JSInterop;

namespace FlexPay.Admin.Components.Shared;

/// <summary>
/// The viewer's browser, asked once per circuit: its time zone (so times can be shown in UTC with the local
/// time beside them) and the clipboard. While prerendering, or when the browser does not answer, the zone is
/// unknown and screens show UTC only.
/// </summary>
public sealed class ViewerBrowser(IJSRuntime js) : IAsyncDisposable
{
    private Task<IJSObjectReference?>? _module;
    private Task<TimeZoneInfo?>? _zone;

    /// <summary>The viewer's time zone; null when unknown. Call it after the first render only.</summary>
    public Task<TimeZoneInfo?> TimeZoneAsync() => _zone ??= LoadZoneAsync();

    /// <summary>Copies <paramref name="text"/> to the clipboard; false when the browser refused.</summary>
    public async Task<bool> CopyAsync(string text)
    {
        try
        {
            var module = await ModuleAsync();
            if (module is null)
            {
                return false;
            }
            await module.InvokeVoidAsync("copy", text);
            return true;
        }
        catch (Exception ex) when (IsBrowserUnavailable(ex))
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_module is { IsCompletedSuccessfully: true } loaded && loaded.Result is { } module)
        {
            try
            {
                await module.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The circuit is gone; so is the module.
            }
        }
    }

    private async Task<TimeZoneInfo?> LoadZoneAsync()
    {
        try
        {
            var module = await ModuleAsync();
            var id = module is null ? null : await module.InvokeAsync<string?>("timeZone");
            return !string.IsNullOrEmpty(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : null;
        }
        catch (Exception ex) when (IsBrowserUnavailable(ex))
        {
            return null;
        }
    }

    private Task<IJSObjectReference?> ModuleAsync() => _module ??= ImportAsync();

    private async Task<IJSObjectReference?> ImportAsync() =>
        await js.InvokeAsync<IJSObjectReference?>("import", "./js/viewer.js");

    private static bool IsBrowserUnavailable(Exception ex) =>
        ex is JSException or JSDisconnectedException or InvalidOperationException or TaskCanceledException;
}
