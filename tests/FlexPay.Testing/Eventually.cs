namespace FlexPay.Testing;

/// <summary>The one polling helper: waits for something another thread or process does, failing with what was last seen.</summary>
public static class Eventually
{
    public static async Task<T> ReturnsAsync<T>(Func<Task<T>> read, Func<T, bool> done, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTimeOffset.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }
            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"Waited {timeout ?? TimeSpan.FromSeconds(30)} for {what}; last seen: {value}");
            }
            await Task.Delay(20);
        }
    }
}
