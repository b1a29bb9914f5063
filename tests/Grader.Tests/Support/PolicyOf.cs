using Autograder.Grader.Policy;

namespace Autograder.Grader.Tests.Support;

/// <summary>Compiles a snippet as one file of an exercise and returns what the policy finds in it.</summary>
internal static class PolicyOf
{
    /// <summary>
    /// As the pipeline does it: a snippet that names an API outside the reduced reference set does
    /// not compile, and is then judged on a compile against the full set.
    /// </summary>
    public static IReadOnlyList<PolicyViolation> Violations(
        string code, string file, IReadOnlyList<BannedApi>? bans = null, IReadOnlyList<BannedLiteral>? literals = null)
    {
        var files = new[] { new SourceFile(file, code) };
        var compiled = SubmissionCompiler.Compile("PolicyTest", files);
        if (compiled is CompileResult.Failure failure)
        {
            var diagnosis = UnavailableApis.Diagnose(files, failure.Errors, bans ?? []);
            Assert.That(diagnosis.Violations, Is.Not.Empty, () => string.Join('\n', diagnosis.Errors));
            return diagnosis.Violations;
        }

        return ApiPolicy.Check(((CompileResult.Success)compiled).Compilation, bans ?? [], literals);
    }
}
