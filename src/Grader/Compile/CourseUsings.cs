using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Autograder.Grader.Compile;

/// <summary>
/// The namespaces an exercise may name without a using directive, as in a .NET project with
/// implicit usings. The grader adds them to each exercise's compile (<c>ExerciseSpec.Usings</c>);
/// <c>build/CourseUsings.props</c> gives the exercises' and solutions' projects the TorchSharp set,
/// so that an editor agrees with the grader (<c>CourseUsingsTests</c> holds the two equal).
/// </summary>
/// <remarks>
/// Exercises 01 to 03 are written without TorchSharp and get the .NET set only: with TorchSharp's
/// usings in scope their compiled code references TorchSharp, and their worker then loads
/// libtorch for nothing (a worker answered Ready with 162 MB resident with it, 48 MB without).
/// </remarks>
public sealed class CourseUsings
{
    /// <summary>The file name of the usings' tree in a compilation, where a diagnostic would show it.</summary>
    public const string FilePath = "(course usings)";

    private readonly Lazy<SyntaxTree> _tree;

    private CourseUsings(IReadOnlyList<string> namespaces, IReadOnlyList<string> staticTypes)
    {
        Namespaces = namespaces;
        StaticTypes = staticTypes;
        _tree = new(() => CSharpSyntaxTree.ParseText(
            string.Concat(namespaces.Select(name => $"global using {name};\n"))
                + string.Concat(staticTypes.Select(name => $"global using static {name};\n")),
            SubmissionCompiler.ParseOptions,
            FilePath,
            System.Text.Encoding.UTF8));
    }

    /// <summary>The .NET basics: what every exercise has.</summary>
    public static CourseUsings DotNet { get; } = new(["System", "System.Collections.Generic", "System.Linq"], []);

    /// <summary>The .NET basics and TorchSharp: exercises 04 on.</summary>
    public static CourseUsings WithTorchSharp { get; } = new([.. DotNet.Namespaces, "TorchSharp", "TorchSharp.Modules"], ["TorchSharp.torch"]);

    public IReadOnlyList<string> Namespaces { get; }

    /// <summary>Types whose static members and nested types are in scope (<c>using static</c>).</summary>
    public IReadOnlyList<string> StaticTypes { get; }

    /// <summary>The usings as one syntax tree of <c>global using</c> directives, parsed once and shared by every compilation.</summary>
    public SyntaxTree Tree => _tree.Value;

    /// <summary>
    /// Whether <paramref name="tree"/> is the learner's, not the course's usings. Told by the tree
    /// itself, not its name: a learner's file may be called anything.
    /// </summary>
    public static bool IsLearners(SyntaxTree tree) => !ReferenceEquals(tree, DotNet.Tree) && !ReferenceEquals(tree, WithTorchSharp.Tree);
}
