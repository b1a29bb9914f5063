using Autograder.Grader.Run;

namespace Autograder.Grader.Tests.Sandbox;

/// <summary>The /proc status reading behind the worker watch's thread limit and the sandbox's task count.</summary>
public sealed class ProcStatusTests
{
    [Test]
    public void Fields_are_read_by_name_without_their_colon()
    {
        string[] status = ["Name:\tgrader", "Uid:\t1000\t1000\t1000\t1000", "Threads:\t27"];

        Assert.Multiple(() =>
        {
            Assert.That(ProcStatus.Field(status, "Uid")?.Split('\t')[0], Is.EqualTo("1000"));
            Assert.That(ProcStatus.Field(status, "Threads"), Is.EqualTo("27"));
            Assert.That(ProcStatus.Field(status, "Tgid"), Is.Null);
        });
    }

    [Test]
    public void Counts_this_process_threads_and_nothing_for_a_process_that_is_gone()
    {
        Assert.That(ProcStatus.Threads("/proc/self/status"), Is.GreaterThanOrEqualTo(1));
        Assert.That(ProcStatus.Threads("/proc/0/status"), Is.Null);
    }
}
