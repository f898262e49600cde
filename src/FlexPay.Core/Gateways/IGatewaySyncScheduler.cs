namespace FlexPay.Core.Gateways;

/// <summary>
/// The timer of gateway syncs (Hangfire in the Admin app). The gateway row is the record of what is
/// pending; the scheduler only has to call <see cref="GatewaySynchronizer.SyncAsync"/> at or after the
/// instant, once or more: a run finds out from the row whether anything is left to do.
/// </summary>
public interface IGatewaySyncScheduler
{
    void ScheduleSync(Guid gatewayId, DateTimeOffset runAt);
}
