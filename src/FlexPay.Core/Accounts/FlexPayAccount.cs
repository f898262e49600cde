namespace FlexPay.Core.Accounts;

/// <summary>
/// One FlexPay API key, named after the company it belongs to. The key is kept encrypted and is
/// write-only: once saved, only <see cref="KeyHint"/> is ever shown.
/// </summary>
public sealed class FlexPayAccount
{
    private FlexPayAccount()
    {
        Company = ProtectedApiKey = KeyHint = null!;
    }

    internal FlexPayAccount(string company, FlexPayMode mode, string protectedApiKey, string keyHint, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7();
        Company = company;
        Mode = mode;
        ProtectedApiKey = protectedApiKey;
        KeyHint = keyHint;
        CreatedAt = KeyChangedAt = now;
    }

    public Guid Id { get; private set; }

    /// <summary>The company the key is bound to at FlexPay; gateways and chains refer to it by this name.</summary>
    public string Company { get; private set; }

    public FlexPayMode Mode { get; private set; }

    /// <summary>The key as <see cref="Secrets.ISecretProtector"/> encrypted it. Never leaves Core.</summary>
    internal string ProtectedApiKey { get; private set; }

    /// <summary>A masked hint such as <c>****Hk0=</c>.</summary>
    public string KeyHint { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset KeyChangedAt { get; private set; }

    internal void ReplaceKey(string protectedApiKey, string keyHint, DateTimeOffset now)
    {
        ProtectedApiKey = protectedApiKey;
        KeyHint = keyHint;
        KeyChangedAt = now;
    }

    public override string ToString() => $"{nameof(FlexPayAccount)} {{ Company = {Company}, Mode = {Mode}, Key = {KeyHint} }}";
}
