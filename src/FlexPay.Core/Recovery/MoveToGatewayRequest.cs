using FlexPay.Core.Text;
using FluentValidation;

namespace FlexPay.Core.Recovery;

/// <summary>Where a recovery's next retries go: one of our gateways, by its id or its FlexPay token.</summary>
public sealed record MoveToGatewayRequest(string? Gateway);

public sealed class MoveToGatewayRequestValidator : AbstractValidator<MoveToGatewayRequest>
{
    public MoveToGatewayRequestValidator() =>
        RuleFor(r => r.Gateway).RequiredText(TextLimits.FlexPayId, "Name the gateway: its id or its FlexPay token.");
}
