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
}
