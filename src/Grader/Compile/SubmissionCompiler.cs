using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;

namespace Autograder.Grader.Compile;

/// <summary>
/// Compiles one exercise's files in memory. Each exercise compiles on its own, so one broken
/// exercise never hides the grades of the others.
/// </summary>
/// <remarks>
/// Roslyn runs inside the grader, so the source is bounded before it gets there: a size cap, a
/// bracket-depth scan of the raw text (<see cref="NestingDepth"/>) before parsing, a tree check
/// (<see cref="SyntaxLimits"/>) before binding, and a time limit on a dedicated thread with a
/// large stack and a cancellation token. A compile is not moved to a separate process: a cold
/// Roslyn costs 1.2 to 2 s per process against 10 to 25 ms warm, and the policy needs the same
/// compilation's semantic model in the grader; the limits above keep what is left (a thread that
/// Roslyn cancels late) short, see <see cref="SyntaxLimits"/>.
/// </remarks>
public static class SubmissionCompiler
{
    internal static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    internal static readonly CSharpCompilationOptions Options = new(
        OutputKind.DynamicallyLinkedLibrary,
        optimizationLevel: OptimizationLevel.Release,
        nullableContextOptions: NullableContextOptions.Enable,
        // Unsafe code compiles so that the policy step can name it with its line, instead of a
        // bare compiler error.
        allowUnsafe: true,
        deterministic: true,
        concurrentBuild: false);

    /// <summary>
    /// Compiles <paramref name="files"/> with the <paramref name="usings"/> of their exercise in
    /// scope (<see cref="CourseUsings.DotNet"/> when not given).
    /// </summary>
    public static CompileResult Compile(string assemblyName, IReadOnlyList<SourceFile> files, CompileLimits? limits = null, CourseUsings? usings = null)
    {
        limits ??= CompileLimits.Default;
        usings ??= CourseUsings.DotNet;
        var chars = files.Sum(file => (long)file.Text.Length);
        if (chars > limits.MaxChars)
        {
            return Refused(string.Create(CultureInfo.InvariantCulture,
                $"its files hold {chars / 1048576.0:0.0} MiB of text; the limit is {limits.MaxChars / 1048576.0:0.#} MiB. Remove the generated content."));
        }

        foreach (var file in files)
        {
            if (NestingDepth.FirstBeyond(file.Text, limits.MaxDepth) is var (depth, line))
            {
                return Refused($"too deeply nested (depth {depth} at {file.DisplayPath} line {line}; the limit is {limits.MaxDepth}). " +
                    "Split the expression or statement into smaller named pieces.");
            }
        }

        // The first compile in a process loads the reference assemblies and JIT-compiles Roslyn:
        // 1.2 to 2 s on an idle machine, over 10 s on this one under load. That is not the
        // learner's time, so it is spent once, on trusted text, before any clock starts.
        _ = Warm.Value;

        return RoslynThread.TryRun($"compile {assemblyName}", limits.TimeLimit, token => CompileGuarded(assemblyName, files, limits, usings, token), out var result)
            ? result
            : Refused(limits.TookTooLong("compiling", [.. files.Select(file => file.DisplayPath)]));
    }

    private static readonly Lazy<CompileResult> Warm = new(() => CompileBounded(
        "Warm",
        [new SourceFile("warm.cs", "using System.Linq; static class Warm { static int M(int[] xs) => xs.Select(x => x + 1).Sum(); }")],
        CompileLimits.Default,
        CourseUsings.DotNet,
        CancellationToken.None));

    private static CompileResult CompileGuarded(string assemblyName, IReadOnlyList<SourceFile> files, CompileLimits limits, CourseUsings usings, CancellationToken cancellation)
    {
        try
        {
            return CompileBounded(assemblyName, files, limits, usings, cancellation);
        }
        catch (OperationCanceledException)
        {
            return Refused("compiling was cancelled.");
        }
        catch (InsufficientExecutionStackException)
        {
            return Refused("too deeply nested for the compiler. Split the expression or statement into smaller named pieces.");
        }
    }

    /// <summary>
    /// Compiles against the full reference set, without the time limit: only for the tests that
    /// prove the layers behind the policy hold against code that somehow got past it.
    /// </summary>
    internal static CompileResult CompileUnrestricted(string assemblyName, IReadOnlyList<SourceFile> files) =>
        CompileBounded(assemblyName, files, CompileLimits.Default, CourseUsings.DotNet, CancellationToken.None, CompileReferences.Full);

    private static CompileResult CompileBounded(
        string assemblyName,
        IReadOnlyList<SourceFile> files,
        CompileLimits limits,
        CourseUsings usings,
        CancellationToken cancellation,
        IReadOnlyList<MetadataReference>? references = null)
    {
        var trees = new List<SyntaxTree> { usings.Tree };
        foreach (var file in files)
        {
            var tree = CSharpSyntaxTree.ParseText(file.Text, ParseOptions, file.DisplayPath, System.Text.Encoding.UTF8, cancellation);
            // The parser gave up on a nesting too deep for its stack; binding what it kept still
            // took seconds, for nothing.
            if (tree.GetDiagnostics(cancellation).FirstOrDefault(diagnostic => diagnostic.Id == "CS8078") is { } tooDeep)
            {
                var line = tooDeep.Location.GetLineSpan().StartLinePosition.Line + 1;
                return Refused($"too deeply nested for the compiler (at {file.DisplayPath} line {line}). Split the expression or statement into smaller named pieces.");
            }

            if (SyntaxLimits.Check(tree, limits) is { } broken)
            {
                return Refused(broken);
            }

            trees.Add(tree);
        }

        var compilation = CSharpCompilation.Create(assemblyName, trees, references ?? CompileReferences.All, Options);

        using var image = new MemoryStream();
        using var symbols = new MemoryStream();
        var emitted = compilation.Emit(
            image,
            symbols,
            options: new EmitOptions(debugInformationFormat: DebugInformationFormat.PortablePdb),
            cancellationToken: cancellation);

        var errors = ErrorsOf(emitted.Diagnostics);
        return emitted.Success && errors.Count == 0
            ? new CompileResult.Success(compilation, image.ToArray(), symbols.ToArray())
            : new CompileResult.Failure(errors);
    }

    private static CompileResult.Failure Refused(string limit) => new([]) { Limit = limit };

    private static List<CompileDiagnostic> ErrorsOf(ImmutableArray<Diagnostic> diagnostics) =>
        [.. diagnostics
            .Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error)
            .OrderBy(diagnostic => diagnostic.Location.SourceTree?.FilePath, StringComparer.Ordinal)
            .ThenBy(diagnostic => diagnostic.Location.SourceSpan.Start)
            .Select(ToLearnerDiagnostic)];

    private static CompileDiagnostic ToLearnerDiagnostic(Diagnostic diagnostic)
    {
        var span = diagnostic.Location.GetMappedLineSpan();
        return new CompileDiagnostic(
            span.IsValid ? span.Path : "(no file)",
            span.StartLinePosition.Line + 1,
            span.StartLinePosition.Character + 1,
            diagnostic.Id,
            diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }
}
