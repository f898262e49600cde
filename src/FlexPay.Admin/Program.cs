using FlexPay.Admin.Api;
using FlexPay.Admin.Components;
using FlexPay.Admin.Hosting;
using FlexPay.Admin.Scheduling;
using MudBlazor.Services;

var builder = WebApplication.CreateBuilder(args);

builder.AddSecretProtection();
builder.AddFlexPayConnection();
builder.AddRecoveryScheduling();
builder.AddIntakeApi();
builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddMudServices();

var app = builder.Build();

app.UseConsoleErrorPages();
app.UseAntiforgery();

app.MapStaticAssets();
app.MapEmbeddedSandbox();
app.MapIntakeApi();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

app.Run();

public partial class Program;
