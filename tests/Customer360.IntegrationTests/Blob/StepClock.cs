using Microsoft.Extensions.Time.Testing;

namespace Customer360.IntegrationTests.Blob;

/// <summary>
/// A fake clock that also tells when its user has gone to sleep: every timer it creates (a
/// <c>Task.Delay</c> on this clock) is counted, so a test can advance time and then wait until the code
/// under test has done its work and is waiting for the next tick — steps, not races.
/// </summary>
internal sealed class StepClock : FakeTimeProvider
{
    private int _timers;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        // Counted once the fake clock holds the timer, not before: a test that sees the count and advances at once
        // must find the timer there to fire (counted first, an advance could slip in between and the timer, armed
        // after it, would wait for a tick that never comes: a 5-minute hang seen on 2026-12-04).
        var timer = base.CreateTimer(callback, state, dueTime, period);
        Interlocked.Increment(ref _timers);
        return timer;
    }

    /// <summary>Advances by <paramref name="step"/> and waits until the sleeper has woken, worked and slept again.</summary>
    public async Task StepAsync(TimeSpan step, Task sleeper)
    {
        int before = Volatile.Read(ref _timers);
        Advance(step);
        await WaitForSleepersAsync(before + 1, sleeper);
    }

    /// <summary>Waits until <paramref name="count"/> timers have been created; fails if <paramref name="sleeper"/> ends first.</summary>
    public async Task WaitForSleepersAsync(int count, Task sleeper)
    {
        while (Volatile.Read(ref _timers) < count)
        {
            if (sleeper.IsCompleted)
            {
                await sleeper; // surfaces its exception
                throw new InvalidOperationException("the watcher stopped instead of going back to sleep");
            }
            await Task.Delay(TimeSpan.FromMilliseconds(5));
        }
    }
}
