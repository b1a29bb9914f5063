namespace Autograder.Grader.Tests.Sandbox;

/// <summary>
/// The result channel cannot be flooded: what learner code prints (through Console, or natively
/// to fd 1 and fd 2) never reaches it and is kept only up to a bound, and bytes written straight
/// into the channel end the check with "printed too much" instead of filling the grader's memory.
/// Compiled without the policy, which would refuse the native writes and Console.Error.
/// </summary>
[Platform("Linux")]
public sealed class ProtocolFloodTests
{
    private const string Write =
        "[System.Runtime.InteropServices.DllImport(\"libc\", SetLastError = true)] private static extern nint write(int fd, byte[] buffer, nint count);";

    private static readonly RunLimits Limits = new() { TimeLimit = TimeSpan.FromSeconds(30), MemoryBytes = 1L << 30 };

    [TestCase("console-line-of-100-mb", "Console.Write(new string('x', 100_000_000)); throw new NotImplementedException();")]
    [TestCase("console-error-flood", "for (var i = 0; i < 200_000; i++) { Console.Error.WriteLine(\"spam spam spam spam\"); } throw new NotImplementedException();")]
    [TestCase("native-stdout-100-mb-no-newline",
        "var junk = new byte[1 << 20]; Array.Fill(junk, (byte)'x'); for (var i = 0; i < 100; i++) { write(1, junk, junk.Length); } throw new NotImplementedException();")]
    [TestCase("native-stderr-flood",
        "var junk = new byte[1 << 20]; Array.Fill(junk, (byte)'y'); for (var i = 0; i < 50; i++) { write(2, junk, junk.Length); } throw new NotImplementedException();")]
    public void Printing_without_end_still_gets_the_checks_results(string name, string statement)
    {
        var results = SandboxCode.RunWithoutPolicy(PerceptronSource.With(statement, Write), Limits, []);

        Assert.That(results.Select(result => result.Message), Has.All.StartWith("not implemented yet"), name);
        Assert.That(results.Select(result => result.Output.Length), Has.All.LessThanOrEqualTo(8100), "what was printed is kept only up to a bound");
    }

    [Test]
    public void Printed_output_keeps_its_beginning_and_says_how_much_was_left_out()
    {
        var results = SandboxCode.RunWithoutPolicy(
            PerceptronSource.With("Console.Write(\"hello \" + new string('x', 20_000)); throw new NotImplementedException();"), Limits, []);

        Assert.That(results[0].Output, Does.StartWith("hello xxx"));
        Assert.That(results[0].Output, Does.Contain("more characters not kept"));
    }

    [Test]
    public void Bytes_written_into_the_result_channel_end_the_check_as_printing_too_much()
    {
        // The private channels are descriptors 100 (requests) and 101 (results); writing to the request end fails.
        var statement =
            "var junk = new byte[1 << 20]; Array.Fill(junk, (byte)'z'); " +
            "for (var i = 0; i < 40; i++) { for (var fd = 100; fd < 102; fd++) { write(fd, junk, junk.Length); } } throw new NotImplementedException();";

        var results = SandboxCode.RunWithoutPolicy(PerceptronSource.With(statement, Write), Limits, []);

        Assert.That(results[0].Status, Is.EqualTo(ResultStatus.Error));
        Assert.That(results[0].Message, Does.StartWith("printed too much"));
        Assert.That(results[1].Message, Does.StartWith("not run: the exercise stopped in an earlier check (printed too much"));
    }
}
