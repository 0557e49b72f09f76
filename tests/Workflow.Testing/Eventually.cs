namespace Workflow.Testing;

/// <summary>Polls until a condition holds or a deadline passes: tests never sleep a fixed time.</summary>
public static class Eventually
{
    public static async Task<T> MatchesAsync<T>(
        Func<Task<T>> probe, Func<T, bool> condition, TimeSpan timeout, string because, TimeSpan? pollInterval = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        var last = default(T);
        Exception? lastError = null;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                last = await probe();
                lastError = null;
                if (condition(last))
                {
                    return last;
                }
            }
            catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException)
            {
                lastError = e;
            }

            await Task.Delay(pollInterval ?? TimeSpan.FromMilliseconds(100));
        }

        throw new TimeoutException($"Waited {timeout.TotalSeconds:0} s for {because}; last seen: {last?.ToString() ?? lastError?.Message ?? "nothing"}");
    }
}
