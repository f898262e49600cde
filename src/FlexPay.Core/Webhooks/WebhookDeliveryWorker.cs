using FlexPay.Core.Persistence;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FlexPay.Core.Webhooks;

/// <summary>
/// Runs the dispatcher on its own loop, apart from the Hangfire workers that send retries and refunds, so a slow or
/// dead receiver never delays money: rounds follow each other while there is work, else it waits for the outbox's
/// wake-up or the poll interval (docs/decisions/013-webhooks-outbox.md).
/// </summary>
public sealed partial class WebhookDeliveryWorker(
    WebhookDispatcher dispatcher,
    OneNodeAtATime oneNode,
    WebhookWakeUp wakeUp,
    IOptions<WebhookOptions> options,
    TimeProvider clock,
    ILogger<WebhookDeliveryWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var tried = 0;
            try
            {
                // On several nodes one delivers at a time: deliveries of a recovery must go out in order.
                tried = await oneNode.RunAsync(OneNodeAtATime.WebhookRoundsKey, () => dispatcher.DispatchDueAsync(stoppingToken), stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                RoundFailed(logger, e);
            }
            if (tried == 0)
            {
                await wakeUp.WaitAsync(options.Value.PollInterval, clock, stoppingToken);
            }
        }
    }

    [LoggerMessage(EventId = 1600, Level = LogLevel.Error, Message = "A webhook delivery round failed; the next round tries again.")]
    private static partial void RoundFailed(ILogger logger, Exception exception);
}
