using Workflow.AppHost.Services;

namespace Workflow.AppHost.Tests;

/// <summary>The AppHost's restart policy: quick after a crash in steady running, backing off while a service cannot start.</summary>
public sealed class When_a_service_keeps_dying
{
    private static readonly TimeSpan SoonAfterStarting = TimeSpan.FromSeconds(3);

    [Fact]
    public void Each_quick_death_doubles_the_wait_up_to_thirty_seconds()
    {
        var backoff = RestartBackoff.ForServices();

        var waits = Enumerable.Range(0, 8).Select(_ => backoff.After(SoonAfterStarting).TotalSeconds).ToList();

        Assert.Equal([1, 2, 4, 8, 16, 30, 30, 30], waits);
    }

    [Fact]
    public void A_death_after_a_stable_run_is_restarted_after_a_second_again()
    {
        var backoff = RestartBackoff.ForServices();
        for (var i = 0; i < 6; i++)
        {
            backoff.After(SoonAfterStarting);
        }

        Assert.Equal(TimeSpan.FromSeconds(1), backoff.After(TimeSpan.FromMinutes(5)));
        Assert.Equal(TimeSpan.FromSeconds(2), backoff.After(SoonAfterStarting));
    }
}
