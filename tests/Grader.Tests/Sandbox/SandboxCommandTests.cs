using Autograder.Grader.Cli;
using Autograder.Grader.Cli.Commands;

namespace Autograder.Grader.Tests.Sandbox;

/// <summary>`grader sandbox`: parsed, and on this kind of machine (Linux x86-64 with Landlock) every layer is active and every probe blocked.</summary>
public sealed class SandboxCommandTests
{
    [Test]
    public void The_sandbox_verb_is_parsed() =>
        Assert.That(GraderCommands.Parse(["sandbox"]).CommandResult.Command.Name, Is.EqualTo("sandbox"));

    [Test]
    [Platform("Linux")]
    public void The_sandbox_verb_proves_every_layer_here()
    {
        if (System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture != System.Runtime.InteropServices.Architecture.X64 ||
            Autograder.Grader.Run.Sandbox.Landlock.Abi() == 0)
        {
            Assert.Ignore("this machine does not offer every layer");
        }

        var output = new StringWriter();
        var original = Console.Out;
        Console.SetOut(output);
        int exit;
        try
        {
            exit = SandboxCommand.Run();
        }
        finally
        {
            Console.SetOut(original);
        }

        Assert.That(exit, Is.Zero, output.ToString());
        Assert.That(output.ToString(), Does.Contain("Every probe was blocked").And.Not.Contain("every layer:    NOT"));
    }
}
