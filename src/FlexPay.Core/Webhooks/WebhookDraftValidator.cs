using System.Net;
using System.Net.Sockets;
using FlexPay.Core.Text;
using FluentValidation;
using Microsoft.Extensions.Options;

namespace FlexPay.Core.Webhooks;

/// <summary>
/// An endpoint must be an absolute https URL to a public address; plain http to a loopback address only when
/// <see cref="WebhookOptions.AllowLoopbackHttp"/> (Development). The console must not be made to post to itself or
/// into the private network it runs in.
/// </summary>
public sealed class WebhookDraftValidator : AbstractValidator<WebhookDraft>
{
    public WebhookDraftValidator(IOptions<WebhookOptions> options)
    {
        var allowLoopbackHttp = options.Value.AllowLoopbackHttp;
        RuleFor(d => d.Url).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Enter the URL that receives the events.")
            .MaximumLength(TextLimits.WebhookUrl)
            .Must(url => Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" && string.IsNullOrEmpty(uri.UserInfo))
            .WithMessage("The URL must be absolute, such as https://billing.example.com/flexpay-events, without a user name.")
            .Must(url => UrlProblem(new Uri(url!), allowLoopbackHttp) is null)
            .WithMessage(d => UrlProblem(new Uri(d.Url!), allowLoopbackHttp));
        RuleFor(d => d.Events).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Choose at least one event.")
            .Must(events => events!.All(WebhookEventTypes.IsKnown))
            .WithMessage(d => $"Unknown event type: {string.Join(", ", d.Events!.Where(e => !WebhookEventTypes.IsKnown(e)))}. Known: {string.Join(", ", WebhookEventTypes.All)}.");
        RuleFor(d => d.Description).MaximumLength(TextLimits.Description).PlainText();
    }

    private static string? UrlProblem(Uri uri, bool allowLoopbackHttp)
    {
        var loopback = uri.IsLoopback;
        if (uri.Scheme == "http" && !(allowLoopbackHttp && loopback))
        {
            return allowLoopbackHttp ? "Plain http is allowed only to a loopback address; use https." : "The URL must use https.";
        }
        if (!allowLoopbackHttp && (loopback || (IPAddress.TryParse(uri.IdnHost, out var address) && IsPrivate(address))))
        {
            return "The URL points at this machine or a private network address; use the receiver's public https address.";
        }
        return null;
    }

    private static bool IsPrivate(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (IPAddress.IsLoopback(address) || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal)
        {
            return true;
        }
        if (address.AddressFamily != AddressFamily.InterNetwork)
        {
            return address.Equals(IPAddress.IPv6Any);
        }
        var b = address.GetAddressBytes();
        return b[0] is 10 or 0 || (b[0] == 172 && b[1] is >= 16 and <= 31) || (b[0] == 192 && b[1] == 168) || (b[0] == 169 && b[1] == 254)
            || (b[0] == 100 && b[1] is >= 64 and <= 127);
    }
}
