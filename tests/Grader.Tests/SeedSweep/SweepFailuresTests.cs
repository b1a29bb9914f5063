using Autograder.Tools.SeedSweep;

namespace Autograder.Grader.Tests.SeedSweeping;

/// <summary>The seed sweep's summary tells a failing creation order from a failing seed.</summary>
public sealed class SweepFailuresTests
{
    [Test]
    public void The_summary_lists_failures_by_submission_and_order_with_their_seeds()
    {
        var failures = new SweepFailures();
        failures.Add("solutions", 904, "order 3: conv2, conv1, head", "09-traffic-signs/learns-signs: accuracy 0.94");
        failures.Add("alt", null, "order 2: head, conv1, conv2", "does not compile: CS0103");
        failures.Add("solutions", 2, "order 3: conv2, conv1, head", "09-traffic-signs/learns-signs: accuracy 0.93");
        failures.Add("solutions", 2, "order 1: conv1, conv2, head", "09-traffic-signs/learns-signs: accuracy 0.949");

        Assert.That(failures.Summary(), Is.EqualTo(
            "4 failing (submission, seed, order, check):\n" +
            "  solutions [order 3: conv2, conv1, head]: 2 seed(s) failed\n" +
            "    seed 904: 09-traffic-signs/learns-signs: accuracy 0.94\n" +
            "    seed 2: 09-traffic-signs/learns-signs: accuracy 0.93\n" +
            "  alt [order 2: head, conv1, conv2]: did not run\n" +
            "    before any seed: does not compile: CS0103\n" +
            "  solutions [order 1: conv1, conv2, head]: 1 seed(s) failed\n" +
            "    seed 2: 09-traffic-signs/learns-signs: accuracy 0.949"));
        Assert.That(new SweepFailures().Summary(), Is.EqualTo("no failures"));
    }
}
