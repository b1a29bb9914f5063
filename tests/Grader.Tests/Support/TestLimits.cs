namespace Autograder.Grader.Tests.Support;

/// <summary>Run limits for the tests that grade learner-like code through a worker.</summary>
internal static class TestLimits
{
    /// <summary>Time enough for the reference on a loaded 2-core machine; 1 GiB, which a runaway allocation reaches within that time.</summary>
    public static readonly RunLimits Generous = new() { TimeLimit = TimeSpan.FromSeconds(20), MemoryBytes = 1L << 30 };
}
