using System.Text.RegularExpressions;
using Autograder.Grader.Compile;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Autograder.Grader.Policy;

/// <summary>What a failed compile means for the learner: an API outside the course, or plain errors.</summary>
public sealed record CompileDiagnosis(IReadOnlyList<PolicyViolation> Violations, IReadOnlyList<CompileDiagnostic> Errors)
{
    /// <summary>Set when the diagnosis did not finish within its time; <see cref="Errors"/> are then the plain compile errors.</summary>
    public string? Limit { get; init; }
}

/// <summary>
/// Learner code compiles against a reduced reference set, so <c>new XmlDocument()</c> is a
/// compile error ("the type or namespace could not be found") that does not say why. When the
/// errors are of that kind, the same files are compiled once more against the full reference set,
/// only to look at them (nothing from it is ever emitted or run), and the policy names the API and
/// the reason, with file and line, as it does for any other API the course does not allow.
/// </summary>
public static partial class UnavailableApis
{
    /// <summary>
    /// Errors a missing reference assembly gives: unknown type, namespace, name or member, a type
    /// from an unreferenced assembly, a member the compiler needs (<c>dynamic</c> needs Microsoft.CSharp).
    /// </summary>
    private static readonly HashSet<string> MissingCodes = ["CS0012", "CS0103", "CS0117", "CS0234", "CS0246", "CS0518", "CS0656", "CS1061", "CS1069", "CS7069"];

    public static CompileDiagnosis Diagnose(
        IReadOnlyList<SourceFile> files,
        IReadOnlyList<CompileDiagnostic> errors,
        IReadOnlyList<BannedApi> exerciseBans,
        IReadOnlyList<BannedLiteral>? bannedLiterals = null,
        CompileLimits? limits = null,
        CourseUsings? usings = null)
    {
        if (!errors.Any(error => MissingCodes.Contains(error.Code)))
        {
            return new CompileDiagnosis([], errors);
        }

        limits ??= CompileLimits.Default;
        // Loading the full reference set and JIT-compiling the binder's paths for it is the
        // grader's time, not the learner's: spent once, on trusted text, before the clock starts.
        _ = Warm.Value;
        // The second compile binds the whole of the same text again, and the policy walks it:
        // code that binds slowly is as slow here as in the compile, so it gets the same bound.
        return RoslynThread.TryRun("diagnose", limits.TimeLimit, cancellation => DiagnoseUnbounded(files, errors, exerciseBans, bannedLiterals, usings ?? CourseUsings.DotNet, cancellation), out var diagnosis)
            ? diagnosis
            : new CompileDiagnosis([], errors) { Limit = limits.TookTooLong(ApiPolicy.Checking, [.. files.Select(file => file.DisplayPath)]) };
    }

    private static readonly Lazy<CompileDiagnosis> Warm = new(() => DiagnoseUnbounded(
        [new SourceFile("warm.cs", "static class Warm { static object M() => new System.Net.Http.HttpClient(); }")],
        [new CompileDiagnostic("warm.cs", 1, 1, "CS0234", "")],
        [],
        null,
        CourseUsings.DotNet,
        CancellationToken.None));

    private static CompileDiagnosis DiagnoseUnbounded(
        IReadOnlyList<SourceFile> files,
        IReadOnlyList<CompileDiagnostic> errors,
        IReadOnlyList<BannedApi> exerciseBans,
        IReadOnlyList<BannedLiteral>? bannedLiterals,
        CourseUsings usings,
        CancellationToken cancellation)
    {
        List<SyntaxTree> trees =
        [
            usings.Tree,
            .. files.Select(file => CSharpSyntaxTree.ParseText(file.Text, SubmissionCompiler.ParseOptions, file.DisplayPath, System.Text.Encoding.UTF8, cancellation)),
        ];
        var full = CSharpCompilation.Create("Diagnosis", trees, CompileReferences.Full, SubmissionCompiler.Options);
        if (!full.GetDiagnostics(cancellation).Any(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error))
        {
            var violations = ApiPolicy.Check(full, exerciseBans, bannedLiterals, cancellation);
            if (violations.Count > 0)
            {
                return new CompileDiagnosis(violations, errors);
            }
        }

        // Other errors as well: the learner fixes those first, but learns now why a namespace is missing.
        return new CompileDiagnosis([], [.. errors.Select(error => Explained(error, full))]);
    }

    private static CompileDiagnostic Explained(CompileDiagnostic error, Compilation full)
    {
        if (error.Code != "CS0234" || MissingInNamespace().Match(error.Message) is not { Success: true } match)
        {
            return error;
        }

        var ns = $"{match.Groups["outer"].Value}.{match.Groups["name"].Value}";
        return Exists(full.GlobalNamespace, ns.Split('.'))
            ? error with { Message = $"{error.Message} {AllowedApis.ReasonForNamespace(ns)}" }
            : error;
    }

    private static bool Exists(INamespaceSymbol root, IEnumerable<string> parts)
    {
        INamespaceOrTypeSymbol current = root;
        foreach (var part in parts)
        {
            if (current.GetMembers(part).FirstOrDefault() is not INamespaceOrTypeSymbol next)
            {
                return false;
            }

            current = next;
        }

        return true;
    }

    [GeneratedRegex("'(?<name>[^']+)' does not exist in the namespace '(?<outer>[^']+)'")]
    private static partial Regex MissingInNamespace();
}
