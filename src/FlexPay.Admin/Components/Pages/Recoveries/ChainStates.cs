using FlexPay.Core.Recovery;
using MudBlazor;

namespace FlexPay.Admin.Components.Pages.Recoveries;

/// <summary>How chain and attempt states are named and coloured on the recovery screens.</summary>
public static class ChainStates
{
    public static string Name(ChainState state) => state switch
    {
        ChainState.OutcomeUnknown => "Outcome unknown",
        ChainState.PartlyRefunded => "Partly refunded",
        _ => state.ToString(),
    };

    public static Color Color(ChainState state) => state switch
    {
        ChainState.Scheduled or ChainState.Sending => MudBlazor.Color.Info,
        ChainState.Recovered => MudBlazor.Color.Success,
        ChainState.PartlyRefunded or ChainState.Refunded => MudBlazor.Color.Secondary,
        ChainState.Suspended or ChainState.OutcomeUnknown or ChainState.Waiting => MudBlazor.Color.Warning,
        ChainState.Failed => MudBlazor.Color.Error,
        _ => MudBlazor.Color.Default,
    };

    /// <summary>Whether the chain may change without anyone acting on this screen: a retry is due or in flight, an outcome or a refund is being checked.</summary>
    public static bool InMotion(RecoveryChain chain) =>
        chain.State is ChainState.Scheduled or ChainState.Sending or ChainState.OutcomeUnknown or ChainState.Waiting
        || chain.Refunds.Any(r => r.Status is RefundStatus.Sending or RefundStatus.OutcomeUnknown);

    public static string AttemptName(AttemptStatus status) => status == AttemptStatus.OutcomeUnknown ? "Outcome unknown" : status.ToString();

    public static Color AttemptColor(AttemptStatus status) => status switch
    {
        AttemptStatus.Scheduled or AttemptStatus.Sending => MudBlazor.Color.Info,
        AttemptStatus.Approved => MudBlazor.Color.Success,
        AttemptStatus.Declined => MudBlazor.Color.Error,
        AttemptStatus.Rejected or AttemptStatus.OutcomeUnknown or AttemptStatus.Waiting => MudBlazor.Color.Warning,
        _ => MudBlazor.Color.Default,
    };

    public static Color RefundColor(RefundStatus status) => status switch
    {
        RefundStatus.Approved => MudBlazor.Color.Success,
        RefundStatus.Declined => MudBlazor.Color.Error,
        RefundStatus.OutcomeUnknown => MudBlazor.Color.Warning,
        _ => MudBlazor.Color.Info,
    };

    public static string RefundName(RefundStatus status) => status == RefundStatus.OutcomeUnknown ? "Outcome unknown" : status.ToString();
}
