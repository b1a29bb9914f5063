using Autograder.Grader.Batch;
using NUnit.Framework;

namespace Autograder.Grader.Tests.Batch;

public sealed class ResultFileTests
{
    [Test]
    public void A_written_result_reads_back_the_same()
    {
        var path = Environment.GetEnvironmentVariable("BATCH_PROBE_RESULT");
        if (path is null)
        {
            Assert.Ignore("probe only");
        }

        var text = File.ReadAllText(path);
        var result = StudentResult.Deserialize(text);
        Assert.That(StudentResult.Serialize(result) + "\n", Is.EqualTo(text));
    }
}
