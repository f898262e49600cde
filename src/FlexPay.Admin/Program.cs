using FlexPay.Admin.Api;
using FlexPay.Admin.Audit;
using FlexPay.Admin.Certification;
using FlexPay.Admin.Components;
using FlexPay.Admin.Exports;
using FlexPay.Admin.Health;
using FlexPay.Admin.Hosting;
using FlexPay.Admin.Identity;
using FlexPay.Admin.Scheduling;
using FlexPay.Admin.Webhooks;

var builder = WebApplication.CreateBuilder(args);

builder.AddHttpHardening();
builder.AddConsoleDatabase();
builder.AddSecretProtection();
builder.AddConsoleAudit();
builder.AddFlexPayConnection();
builder.AddRecoveryScheduling();
builder.AddIntakeApi();
builder.AddWebhookDelivery();
builder.AddConsoleIdentity();
builder.AddConsoleUi();
builder.AddNodeHealth();

var app = builder.Build();

if (await app.TryRunAsync(args) || app.RefusedToStart() || app.DataFolderTaken())
{
    return;
}

app.UseHttpHardening();
app.UseConsoleErrorPages();
app.UseConsoleIdentity();
app.UseAntiforgery();

app.MapNodeHealth();
app.MapStaticAssets();
app.MapEmbeddedSandbox();
app.MapIntakeApi();
app.MapScreenExports();
app.MapConsoleIdentity();
app.MapJobDashboard();
app.MapAppendixAExports();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

app.Run();

public partial class Program;
