namespace Certifications.Functions.Tests.Fixtures;

/// <summary>Waits for what the app does in the background (triggers, timers, orchestrations), up to a deadline.</summary>
public static class Eventually
{
    public static async Task WaitUntilAsync(Func<Task<bool>> done, string what, int seconds = 60)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(seconds);
        while (!await done())
        {
            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"Waited {seconds} s for {what}.");
            }

            await Task.Delay(200);
        }
    }

    /// <summary>The first value <paramref name="find"/> gives that is not null, polling up to a deadline.</summary>
    public static async Task<T> ValueAsync<T>(Func<Task<T?>> find, string what, int seconds = 60)
        where T : class
    {
        T? found = null;
        await WaitUntilAsync(async () => (found = await find()) is not null, what, seconds);
        return found!;
    }

}
