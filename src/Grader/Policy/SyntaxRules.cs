using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Autograder.Grader.Policy;

/// <summary>
/// What a submission may not write, whatever it resolves to: language features that reach raw
/// memory or native code, code that runs when no check asked for it, and directives that hide
/// where code is.
/// </summary>
internal static class SyntaxRules
{
    private const string Unsafe = "unsafe code is not allowed: it can write anywhere in memory. Use arrays and spans.";

    private const string FunctionPointer =
        "function pointers (delegate*) call whatever address they hold; call your methods directly, or pass a Func or Action.";

    private const string Native = "calling native code is not allowed in a submission: write the computation in C#.";

    private const string Undocumented =
        "undocumented keywords (__makeref, __refvalue, __reftype, __arglist) reach raw memory; write the computation with arrays, spans or tensors.";

    private const string Later =
        "code that runs later (async methods, finalisers) would run after the check has finished, and the grader measures your code as the check calls it. Write it as ordinary methods.";

    private const string Namespace =
        "a submission's code lives in a namespace of its own (such as Exercises.Perceptron): a namespace of the platform, TorchSharp or the grader could stand in for their types.";

    private const string HiddenLine =
        "#line changes the file and line that messages show, so the grader could not tell you where something is. Remove it.";

    private static readonly string[] ReservedNamespaces = ["System", "Microsoft", "TorchSharp", "Autograder", "Internal", "Windows"];

    public static (string Api, string Reason)? Violation(SyntaxNode node) => node switch
    {
        UnsafeStatementSyntax or FixedStatementSyntax => ("unsafe", Unsafe),
        MemberDeclarationSyntax member when member.Modifiers.Any(SyntaxKind.UnsafeKeyword) => ("unsafe", Unsafe),
        FunctionPointerTypeSyntax => ("delegate*", FunctionPointer),
        MethodDeclarationSyntax method when method.Modifiers.Any(SyntaxKind.ExternKeyword) => ("extern", Native),
        LocalFunctionStatementSyntax local when local.Modifiers.Any(SyntaxKind.ExternKeyword) || local.Modifiers.Any(SyntaxKind.UnsafeKeyword) =>
            ("extern", Native),
        MakeRefExpressionSyntax => ("__makeref", Undocumented),
        RefValueExpressionSyntax => ("__refvalue", Undocumented),
        RefTypeExpressionSyntax => ("__reftype", Undocumented),
        ExpressionSyntax when node.IsKind(SyntaxKind.ArgListExpression) => ("__arglist", Undocumented),
        ParameterSyntax parameter when parameter.Identifier.IsKind(SyntaxKind.ArgListKeyword) => ("__arglist", Undocumented),
        DestructorDeclarationSyntax => ("~finaliser", Later),
        MethodDeclarationSyntax method when method.Modifiers.Any(SyntaxKind.AsyncKeyword) => ("async", Later),
        LocalFunctionStatementSyntax local when local.Modifiers.Any(SyntaxKind.AsyncKeyword) => ("async", Later),
        AnonymousFunctionExpressionSyntax lambda when lambda.Modifiers.Any(SyntaxKind.AsyncKeyword) => ("async", Later),
        BaseNamespaceDeclarationSyntax declared when ReservedNamespaces.Contains(FirstPart(declared.Name)) =>
            ($"namespace {declared.Name}", Namespace),
        _ => null,
    };

    /// <summary><c>#line</c> directives, active or not, with the node that carries them.</summary>
    public static IEnumerable<(SyntaxNode Node, string Api, string Reason)> HiddenLocations(SyntaxNode root) =>
        root.DescendantTrivia(descendIntoTrivia: true)
            .Where(trivia => trivia.IsKind(SyntaxKind.LineDirectiveTrivia) || trivia.IsKind(SyntaxKind.LineSpanDirectiveTrivia))
            .Select(trivia => ((SyntaxNode)trivia.GetStructure()!, "#line", HiddenLine));

    private static string FirstPart(NameSyntax name) => name switch
    {
        QualifiedNameSyntax qualified => FirstPart(qualified.Left),
        AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        _ => name.ToString(),
    };
}
