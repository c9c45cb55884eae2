using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Parley.Engine.Bench;

/// <summary>
/// CPU time used by the calling thread, so a single-threaded measurement means the same on a busy
/// machine as on a quiet one (wall time counts the moments the thread waited for a core). Linux
/// reads it from <c>getrusage(RUSAGE_THREAD)</c> with microsecond resolution; elsewhere it falls
/// back to wall time and says so through <see cref="IsCpuTime"/>.
/// </summary>
public static class ThreadCpuClock
{
    private const int RusageThread = 1;

    [StructLayout(LayoutKind.Sequential)]
    private struct Rusage
    {
        public long UserSeconds, UserMicroseconds, SystemSeconds, SystemMicroseconds;
        // The rest of struct rusage (14 longs: memory and context-switch counters), unused here.
        public long F0, F1, F2, F3, F4, F5, F6, F7, F8, F9, F10, F11, F12, F13;
    }

    [DllImport("libc", EntryPoint = "getrusage", SetLastError = true)]
#pragma warning disable SYSLIB1054 // a blittable struct out parameter needs no generated marshalling
    private static extern int GetRusage(int who, out Rusage usage);
#pragma warning restore SYSLIB1054

    private static readonly bool Available = OperatingSystem.IsLinux() && Probe();

    private static bool Probe()
    {
        try
        {
            return GetRusage(RusageThread, out _) == 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    /// <summary>True when <see cref="Now"/> is the thread's CPU time; false when it is wall time.</summary>
    public static bool IsCpuTime => Available;

    /// <summary>The calling thread's CPU time so far (user + system), in seconds; wall time where that cannot be read.</summary>
    public static double Now()
    {
        if (!Available || GetRusage(RusageThread, out var u) != 0) return Stopwatch.GetTimestamp() / (double)Stopwatch.Frequency;
        return u.UserSeconds + u.SystemSeconds + (u.UserMicroseconds + u.SystemMicroseconds) / 1e6;
    }
}
