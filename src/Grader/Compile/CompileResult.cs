using Microsoft.CodeAnalysis.CSharp;

namespace Autograder.Grader.Compile;

/// <summary>A compiler error placed in the learner's file.</summary>
public sealed record CompileDiagnostic(string File, int Line, int Column, string Code, string Message)
{
    public override string ToString() => $"{File}({Line},{Column}): {Code}: {Message}";
}

/// <summary>What compiling one exercise gave: an assembly image, or the errors.</summary>
public abstract record CompileResult
{
    private CompileResult()
    {
    }

    public sealed record Success(CSharpCompilation Compilation, byte[] Image, byte[] Symbols) : CompileResult;

    /// <summary>Compiler errors, or (with no errors) a <see cref="Limit"/> the source broke before it could compile.</summary>
    public sealed record Failure(IReadOnlyList<CompileDiagnostic> Errors) : CompileResult
    {
        /// <summary>Which compile limit the source broke, as a sentence naming the file and line where known.</summary>
        public string? Limit { get; init; }
    }
}
