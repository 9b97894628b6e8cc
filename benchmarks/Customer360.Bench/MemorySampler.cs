using System.Diagnostics;

namespace Customer360.Bench;

/// <summary>Samples the process working set every 20 ms while a stage runs; reports the peak (MB).</summary>
public sealed class MemorySampler : IDisposable
{
    private readonly Timer _timer;
    private long _peak;

    public MemorySampler()
    {
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        _timer = new Timer(_ => Sample(), null, 0, 20);
    }

    public double PeakMegabytes
    {
        get
        {
            Sample();
            return Interlocked.Read(ref _peak) / (1024.0 * 1024.0);
        }
    }

    private void Sample()
    {
        using var process = Process.GetCurrentProcess();
        long current = process.WorkingSet64;
        long seen;
        while ((seen = Interlocked.Read(ref _peak)) < current && Interlocked.CompareExchange(ref _peak, current, seen) != seen)
        {
        }
    }

    public void Dispose() => _timer.Dispose();

    /// <summary>
    /// Collects garbage and resets the kernel's high-water mark, so the next peak is the next step's alone;
    /// returns the resident memory the step starts from (MB): runtime, code and what preparation left.
    /// </summary>
    public static double ResetHighWater()
    {
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        File.WriteAllText("/proc/self/clear_refs", "5");
        return ProcStatusMegabytes("VmRSS:");
    }

    /// <summary>The kernel's high-water mark of this process's resident memory (MB), for single-step runs.</summary>
    public static double ProcessHighWaterMegabytes() => ProcStatusMegabytes("VmHWM:");

    private static double ProcStatusMegabytes(string field)
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith(field, StringComparison.Ordinal))
            {
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024.0;
            }
        }
        return double.NaN;
    }
}
