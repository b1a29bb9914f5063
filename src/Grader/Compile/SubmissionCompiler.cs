using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;

namespace Autograder.Grader.Compile;

/// <summary>
/// Compiles one exercise's files in memory. Each exercise compiles on its own, so one broken
/// exercise never hides the grades of the others.
/// </summary>
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

    public static CompileResult Compile(string assemblyName, IReadOnlyList<SourceFile> files)
    {
        var trees = files
            .Select(file => CSharpSyntaxTree.ParseText(file.Text, ParseOptions, file.DisplayPath, System.Text.Encoding.UTF8))
            .ToList();
        var compilation = CSharpCompilation.Create(assemblyName, trees, CompileReferences.All, Options);

        using var image = new MemoryStream();
        using var symbols = new MemoryStream();
        var emitted = compilation.Emit(
            image,
            symbols,
            options: new EmitOptions(debugInformationFormat: DebugInformationFormat.PortablePdb));

        var errors = ErrorsOf(emitted.Diagnostics);
        return emitted.Success && errors.Count == 0
            ? new CompileResult.Success(compilation, image.ToArray(), symbols.ToArray())
            : new CompileResult.Failure(errors);
    }

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
