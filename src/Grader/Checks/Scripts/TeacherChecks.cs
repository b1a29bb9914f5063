using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Emit;
using Microsoft.CodeAnalysis.Scripting;

namespace Autograder.Grader.Checks.Scripts;

/// <summary>
/// What a folder of teacher scripts gave: the checks (each carrying its compiled script), and the
/// problems of the scripts that gave none, each naming its file and line.
/// </summary>
public sealed record TeacherCheckSet(IReadOnlyList<CheckDefinition> Checks, IReadOnlyList<string> Problems)
{
    public static TeacherCheckSet None { get; } = new([], []);
}

/// <summary>
/// Teachers' own checks as C# scripts (<c>--checks &lt;dir&gt;</c>): each <c>.csx</c> file ends with
/// a <see cref="CheckDefinition"/> (or several), written against the same API as the built-in
/// checks. The grader compiles each script once, runs it to learn the checks' IDs, points,
/// visibility and seeds, and ships the compiled assembly to the worker, which runs it again and
/// runs the checks there next to the learner's code (docs/TEACHER-CHECKS.md).
/// </summary>
public static class TeacherChecks
{
    private static readonly string[] Imports =
    [
        "System", "System.Collections.Generic", "System.Linq", "Autograder.Grader.Checks",
    ];

    /// <summary>
    /// The checks of every <c>*.csx</c> file directly in <paramref name="directory"/>, in file name
    /// order. A script that does not compile, throws, gives no check, names an exercise
    /// <paramref name="catalog"/> does not know, or reuses a check ID is a problem, never an
    /// exception; when its exercise can be read from its text it also gives a stand-in check
    /// worth no points that reports the problem in that exercise's results.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">There is no such folder.</exception>
    public static TeacherCheckSet Load(string directory, CheckCatalog catalog)
    {
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException(
                $"--checks {directory}: no such folder. Give the folder that holds your .csx check scripts.");
        }

        var ids = new HashSet<string>(catalog.AllChecks.Select(check => check.Id), StringComparer.Ordinal);
        var checks = new List<CheckDefinition>();
        var problems = new List<string>();
        var folder = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory)));
        foreach (var path in Directory.EnumerateFiles(directory, "*.csx").Order(StringComparer.Ordinal))
        {
            var shown = $"{folder}/{Path.GetFileName(path)}";
            var text = File.ReadAllText(path);
            var (compiled, problem) = Compile(Path.GetFullPath(path), shown, text);
            var script = compiled with { TextSha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(text))) };
            var defined = problem is null ? Instantiate(script, out problem) : [];
            problem ??= Validate(defined, shown, catalog, ids);
            if (problem is null)
            {
                checks.AddRange(defined);
                ids.UnionWith(defined.Select(check => check.Id));
                continue;
            }

            problems.Add(problem);
            if (StandIn(text, shown, problem, catalog) is { } standIn && ids.Add(standIn.Id))
            {
                checks.Add(standIn with { Script = standIn.Script! with { TextSha256 = script.TextSha256 } });
            }
        }

        return new TeacherCheckSet(checks, problems);
    }

    /// <summary>
    /// Runs a compiled script and returns its checks, each carrying <paramref name="script"/>: in
    /// the grader after <see cref="Load"/> compiled it, and in the worker from the bytes it was sent.
    /// </summary>
    public static IReadOnlyList<CheckDefinition> Instantiate(CheckScript script, out string? problem)
    {
        problem = null;
        object? value;
        try
        {
            var context = new AssemblyLoadContext($"teacher check {script.File}");
            using var image = new MemoryStream(script.Image, writable: false);
            using var symbols = new MemoryStream(script.Symbols, writable: false);
            var assembly = context.LoadFromStream(image, symbols);
            var factory = assembly.GetTypes()
                .Select(type => type.GetMethod("<Factory>", BindingFlags.Public | BindingFlags.Static))
                .Single(method => method is not null)!;
            // Slot 0 holds the globals (none), slot 1 this script's own state.
            var run = (Task<object>)factory.Invoke(null, [new object?[2]])!;
            value = run.GetAwaiter().GetResult();
        }
        catch (Exception e)
        {
            var thrown = e is TargetInvocationException { InnerException: { } inner } ? inner : e;
            problem = $"{script.File}{LineOf(thrown, script.File)}: the script threw {thrown.GetType().Name}: {thrown.Message}";
            return [];
        }

        IReadOnlyList<CheckDefinition> checks = value switch
        {
            CheckDefinition one => [one],
            IEnumerable<CheckDefinition> many => [.. many],
            _ => [],
        };
        if (checks.Count == 0)
        {
            problem = $"{script.File}: the script gives no check. End it with a CheckDefinition (or a list of them), " +
                $"as in docs/TEACHER-CHECKS.md; it ended with {(value is null ? "nothing" : value.GetType().Name)}.";
        }

        return [.. checks.Select(check => check with { Script = script })];
    }

    private static (CheckScript Script, string? Problem) Compile(string path, string shown, string text)
    {
        var options = ScriptOptions.Default
            .AddReferences(typeof(CheckDefinition).Assembly, typeof(Reference.Data.SeededRandom).Assembly, typeof(TorchSharp.torch).Assembly)
            .AddImports(Imports)
            .WithFilePath(path)
            .WithFileEncoding(Encoding.UTF8)
            .WithEmitDebugInformation(true)
            .WithOptimizationLevel(OptimizationLevel.Release);
        var compilation = CSharpScript.Create<object>(text, options).GetCompilation();
        var errors = compilation.GetDiagnostics().Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            var first = errors[0];
            var line = first.Location.GetLineSpan().StartLinePosition.Line + 1;
            var more = errors.Count > 1 ? $" (and {errors.Count - 1} more errors)" : "";
            return (new CheckScript(shown, [], []),
                $"{shown} line {line}: does not compile: {first.Id}: {first.GetMessage(CultureInfo.InvariantCulture)}{more}");
        }

        using var image = new MemoryStream();
        using var symbols = new MemoryStream();
        var emitted = compilation.Emit(image, symbols, options: new EmitOptions(debugInformationFormat: DebugInformationFormat.PortablePdb));
        return emitted.Success
            ? (new CheckScript(shown, image.ToArray(), symbols.ToArray()), null)
            : (new CheckScript(shown, [], []), $"{shown}: does not compile: {emitted.Diagnostics.FirstOrDefault()}");
    }

    private static string? Validate(IReadOnlyList<CheckDefinition> checks, string shown, CheckCatalog catalog, HashSet<string> ids)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var check in checks)
        {
            if (!catalog.TryGetExercise(check.ExerciseId ?? "", out _))
            {
                return $"{shown}: check '{check.Slug}' names exercise '{check.ExerciseId}', which the course does not have. " +
                    $"Known exercises: {string.Join(", ", catalog.Exercises.Select(exercise => exercise.Id))}.";
            }

            if (string.IsNullOrWhiteSpace(check.Slug) || check.Slug.Contains('/', StringComparison.Ordinal) || check.Points < 0)
            {
                return $"{shown}: check '{check.Slug}' needs a slug without '/' and points of 0 or more.";
            }

            if (ids.Contains(check.Id) || !seen.Add(check.Id))
            {
                return $"{shown}: the check ID {check.Id} is already used; give the check another Slug.";
            }
        }

        return null;
    }

    /// <summary>
    /// A check worth no points that reports a broken script in its exercise's results, when the
    /// script's text still says which exercise (<c>ExerciseId = "…"</c>) and that exercise exists.
    /// </summary>
    private static CheckDefinition? StandIn(string text, string shown, string problem, CheckCatalog catalog)
    {
        var root = CSharpSyntaxTree.ParseText(text, CSharpParseOptions.Default.WithKind(SourceCodeKind.Script)).GetRoot();
        string? Assigned(string property) => root.DescendantNodes().OfType<AssignmentExpressionSyntax>()
            .Where(assignment => assignment.Left is IdentifierNameSyntax { Identifier.Text: var name } && name == property)
            .Select(assignment => assignment.Right is LiteralExpressionSyntax literal ? literal.Token.ValueText : assignment.Right.ToString())
            .FirstOrDefault();

        if (Assigned("ExerciseId") is not { } exerciseId || !catalog.TryGetExercise(exerciseId, out _))
        {
            return null;
        }

        var slug = Assigned("Slug") is { Length: > 0 } declared && !declared.Contains('/', StringComparison.Ordinal)
            ? declared
            : Path.GetFileNameWithoutExtension(shown);
        var message = $"not run: the teacher's check script {problem} It counts no points; this is not your code's fault.";
        return new CheckDefinition
        {
            ExerciseId = exerciseId,
            Slug = slug,
            Name = $"teacher check {shown}",
            Points = 0,
            Visibility = Assigned("Visibility")?.EndsWith("Hidden", StringComparison.Ordinal) == true ? Visibility.Hidden : Visibility.Visible,
            Seed = 0,
            Run = _ => throw new TeacherScriptException(message),
            Script = new CheckScript(shown, [], [], message),
        };
    }

    private static string LineOf(Exception exception, string shown)
    {
        var frame = new StackTrace(exception, fNeedFileInfo: true).GetFrames()
            .FirstOrDefault(candidate => candidate.GetFileName() is { } file && file.EndsWith(Path.GetFileName(shown), StringComparison.Ordinal));
        return frame is null ? "" : string.Create(CultureInfo.InvariantCulture, $" line {frame.GetFileLineNumber()}");
    }
}
