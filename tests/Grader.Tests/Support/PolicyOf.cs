using Autograder.Grader.Compile;
using Autograder.Grader.Policy;
using NUnit.Framework;

namespace Autograder.Grader.Tests.Support;

/// <summary>Compiles a snippet as one file of an exercise and returns what the policy finds in it.</summary>
internal static class PolicyOf
{
    public static IReadOnlyList<PolicyViolation> Violations(string code, string file, IReadOnlyList<BannedApi>? bans = null)
    {
        var compiled = SubmissionCompiler.Compile("PolicyTest", [new SourceFile(file, code)]);
        Assert.That(compiled, Is.TypeOf<CompileResult.Success>(), () => string.Join('\n', ((CompileResult.Failure)compiled).Errors));
        return ApiPolicy.Check(((CompileResult.Success)compiled).Compilation, bans ?? []);
    }
}
