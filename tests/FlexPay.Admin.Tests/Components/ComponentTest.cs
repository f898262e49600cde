using Bunit;

namespace FlexPay.Admin.Tests.Components;

/// <summary>
/// A bUnit context with <see cref="TestServices.AddTestServices"/>, disposed asynchronously: MudBlazor's
/// services can only be disposed that way, and xUnit calls <see cref="IAsyncLifetime.DisposeAsync"/> first.
/// </summary>
public abstract class ComponentTest : BunitContext, IAsyncLifetime
{
    protected ComponentTest() => this.AddTestServices();

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();
}
