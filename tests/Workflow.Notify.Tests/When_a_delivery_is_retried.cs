using Workflow.Notify.Deliveries;

namespace Workflow.Notify.Tests;

public sealed class When_a_delivery_is_retried
{
    private static readonly DeliveryOptions Options = new() { FirstRetryDelay = TimeSpan.FromSeconds(5), MaxRetryDelay = TimeSpan.FromMinutes(10) };

    [Theory]
    [InlineData(1, 5)]
    [InlineData(2, 10)]
    [InlineData(4, 40)]
    public void The_wait_doubles_with_each_attempt_with_jitter_in_its_upper_half(int attempts, double ceilingSeconds)
    {
        var random = new Random(1);
        var waits = Enumerable.Range(0, 200).Select(_ => RetrySchedule.Next(Options, attempts, null, random).TotalSeconds).ToList();

        Assert.All(waits, w => Assert.InRange(w, ceilingSeconds / 2, ceilingSeconds));
        Assert.True(waits.Distinct().Count() > 100, "the waits are spread, not all the same");
    }

    [Fact]
    public void The_wait_never_exceeds_the_maximum()
    {
        Assert.InRange(RetrySchedule.Next(Options, 40, null, new Random(2)), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(10));
    }

    [Fact]
    public void The_receivers_Retry_After_is_honoured_up_to_the_maximum()
    {
        Assert.Equal(TimeSpan.FromSeconds(120), RetrySchedule.Next(Options, 1, TimeSpan.FromSeconds(120), new Random(3)));
        Assert.Equal(TimeSpan.FromMinutes(10), RetrySchedule.Next(Options, 1, TimeSpan.FromDays(1), new Random(3)));
    }
}
