using System.Globalization;

namespace Autograder.Grader.Run.Sandbox;

/// <summary>
/// Keeps a worker on the cores its batch lane was given. Without it, one submission that keeps
/// every core busy until its time limit slows every other lane's student too, and their timed
/// checks (08 trains against a clock) can then fail for no fault of theirs. The worker pins its
/// only thread before it executes itself again, so every thread of the new image inherits the set.
/// </summary>
public static class CpuPinning
{
    /// <summary>Pins the calling thread to <paramref name="cpus"/> ("0" or "0,2"); false when the kernel refused.</summary>
    internal static bool Apply(string cpus)
    {
        var cores = Parse(cpus);
        var mask = new ulong[(cores.DefaultIfEmpty().Max() / 64) + 1];
        foreach (var cpu in cores)
        {
            mask[cpu / 64] |= 1UL << (cpu % 64);
        }

        return Libc.SchedSetAffinity(0, mask.Length * sizeof(ulong), mask) == 0;
    }

    /// <summary>The cores this process may run on, from its <c>Cpus_allowed_list</c> ("0-3,8"); empty when unknown.</summary>
    public static IReadOnlyList<int> Allowed() =>
        ProcStatus.Field("/proc/self/status", "Cpus_allowed_list") is { } list ? Parse(list) : [];

    /// <summary>The cores of a list in the kernel's notation: "0-3,8" is 0, 1, 2, 3 and 8.</summary>
    public static IReadOnlyList<int> Parse(string list) =>
    [
        .. list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).SelectMany(range =>
        {
            var ends = range.Split('-');
            var first = int.Parse(ends[0], CultureInfo.InvariantCulture);
            var last = ends.Length > 1 ? int.Parse(ends[1], CultureInfo.InvariantCulture) : first;
            return Enumerable.Range(first, last - first + 1);
        }),
    ];

    /// <summary>The cores of lane <paramref name="lane"/> of <paramref name="lanes"/>: one each, in turn; none (any core) for a single lane.</summary>
    public static IReadOnlyList<int> ForLane(int lane, int lanes, IReadOnlyList<int> allowed) =>
        lanes < 2 || allowed.Count < 2 ? [] : [allowed[lane % allowed.Count]];
}
