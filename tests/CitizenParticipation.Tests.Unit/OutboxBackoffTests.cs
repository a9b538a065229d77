using CitizenParticipation.Core.Email;

namespace CitizenParticipation.Tests.Unit;

public sealed class OutboxBackoffTests
{
    [Theory]
    [InlineData(0, 30)]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(3, 120)]
    [InlineData(4, 240)]
    [InlineData(7, 1920)]
    [InlineData(8, 3600)]
    [InlineData(50, 3600)]
    public void Retries_wait_twice_as_long_each_time_up_to_an_hour(int attempts, int seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), OutboxProcessor.Backoff(attempts));
    }

    [Fact]
    public void The_wait_never_shrinks()
    {
        var waits = Enumerable.Range(1, 30).Select(OutboxProcessor.Backoff).ToList();

        Assert.Equal(waits.Order(), waits);
    }
}
