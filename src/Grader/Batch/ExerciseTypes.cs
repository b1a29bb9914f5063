using Autograder.Grader.Compile;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Autograder.Grader.Batch;

/// <summary>
/// Which exercise a loose .cs file belongs to, from the types it declares: each stub in
/// <c>exercises/NN-name/</c> declares the types its learners complete (<c>Perceptron</c> in
/// 01-perceptron), and a learner's file keeps those names. Only syntax is read, nothing is compiled.
/// </summary>
public sealed class ExerciseTypes
{
    private readonly Dictionary<string, SortedSet<string>> _exercisesByType;

    private ExerciseTypes(Dictionary<string, SortedSet<string>> exercisesByType) => _exercisesByType = exercisesByType;

    /// <summary>Nothing is known: every loose file stays unmatched, with that reason.</summary>
    public static ExerciseTypes None { get; } = new([]);

    public bool IsEmpty => _exercisesByType.Count == 0;

    /// <summary>The types declared by the stubs under <paramref name="stubsFolder"/> (laid out like exercises/).</summary>
    public static ExerciseTypes FromStubs(string stubsFolder)
    {
        var byType = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var folder in Directory.EnumerateDirectories(stubsFolder).Order(StringComparer.Ordinal))
        {
            var exercise = Path.GetFileName(folder);
            if (!ClassIntake.IsExerciseFolder(exercise))
            {
                continue;
            }

            foreach (var file in Directory.EnumerateFiles(folder, "*.cs", SearchOption.TopDirectoryOnly))
            {
                foreach (var type in DeclaredTypes(File.ReadAllText(file)))
                {
                    if (!byType.TryGetValue(type, out var exercises))
                    {
                        byType[type] = exercises = new SortedSet<string>(StringComparer.Ordinal);
                    }

                    exercises.Add(exercise);
                }
            }
        }

        return new ExerciseTypes(byType);
    }

    /// <summary>The exercise of a loose file, or null and why not.</summary>
    public string? Match(SourceFile file, out string? reason)
    {
        reason = null;
        // The same guard the compiler step has: a parser fed a nesting this deep runs out of stack.
        if (NestingDepth.FirstBeyond(file.Text, CompileLimits.Default.MaxDepth) is var (depth, line))
        {
            reason = $"it is nested too deeply to read (depth {depth} at line {line}); split it into smaller pieces";
            return null;
        }

        // Learner text, so parsed as the compile parses it: on a large stack, within its time.
        if (!RoslynThread.TryRun("read types", CompileLimits.Default.TimeLimit,
            cancellation => DeclaredTypes(file.Text, cancellation).Distinct(StringComparer.Ordinal).ToList(), out var declared))
        {
            reason = "it took too long to read; split it into smaller pieces";
            return null;
        }

        if (IsEmpty)
        {
            reason = "the grader has no stubs to match loose files against (give --stubs, the exercises/ folder)";
            return null;
        }

        var exercises = declared
            .Where(_exercisesByType.ContainsKey)
            .SelectMany(type => _exercisesByType[type])
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        switch (exercises.Count)
        {
            case 1:
                return exercises[0];
            case 0:
                reason = declared.Count == 0
                    ? "it declares no type, so it matches no exercise; put it in its exercise's folder (like 01-perceptron/)"
                    : $"it declares {string.Join(", ", declared.Take(5))}, which no exercise's stub declares; put it in its exercise's folder (like 01-perceptron/)";
                return null;
            default:
                reason = $"it declares types of several exercises ({string.Join(", ", exercises)}); keep each exercise's types in its own file or folder";
                return null;
        }
    }

    /// <summary>Names of the types a file declares at namespace level (nested types belong to their parent).</summary>
    private static IEnumerable<string> DeclaredTypes(string text, CancellationToken cancellation = default)
    {
        var root = CSharpSyntaxTree.ParseText(text, SubmissionCompiler.ParseOptions, cancellationToken: cancellation).GetRoot(cancellation);
        return root.DescendantNodes(node => node is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax)
            .OfType<MemberDeclarationSyntax>()
            .Select(member => member switch
            {
                BaseTypeDeclarationSyntax type => type.Identifier.ValueText,
                DelegateDeclarationSyntax @delegate => @delegate.Identifier.ValueText,
                _ => null,
            })
            .OfType<string>();
    }
}
