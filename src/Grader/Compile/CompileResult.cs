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

    public sealed record Failure(IReadOnlyList<CompileDiagnostic> Errors) : CompileResult;
}
