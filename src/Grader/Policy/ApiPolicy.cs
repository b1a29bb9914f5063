using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Autograder.Grader.Policy;

/// <summary>
/// Walks the semantic model of a compiled submission and reports every use of a banned API:
/// every name, constructor call and attribute is resolved to its symbol, so aliases,
/// <c>using static</c>, <c>var</c> and extension methods cannot hide what is called.
/// </summary>
public static class ApiPolicy
{
    public static IReadOnlyList<PolicyViolation> Check(Compilation compilation, IReadOnlyList<BannedApi> exerciseBans)
    {
        IReadOnlyList<BannedApi> bans = [.. exerciseBans, .. GlobalBans.All];
        var violations = new List<PolicyViolation>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            var model = compilation.GetSemanticModel(tree);
            // Using directives only name things; what counts is what the code then uses.
            foreach (var node in tree.GetRoot().DescendantNodes(descendIntoChildren: node => node is not UsingDirectiveSyntax))
            {
                if (node is UsingDirectiveSyntax)
                {
                    continue;
                }

                if (SyntaxViolation(node) is { } reason)
                {
                    violations.Add(At(node, reason.Api, reason.Reason));
                    continue;
                }

                foreach (var symbol in SymbolsUsedBy(node, model))
                {
                    if (bans.FirstOrDefault(ban => ban.Matches(symbol)) is { } ban)
                    {
                        violations.Add(At(node, Describe(symbol), ban.Reason));
                        break;
                    }
                }
            }
        }

        // One report per API and line: `File.ReadAllText` is one use, not two (type and member).
        return [.. violations
            .GroupBy(violation => (violation.File, violation.Line))
            .SelectMany(line => line.GroupBy(violation => violation.Reason).Select(group => group.First()))
            .OrderBy(violation => violation.File, StringComparer.Ordinal)
            .ThenBy(violation => violation.Line)
            .ThenBy(violation => violation.Column)];
    }

    private static (string Api, string Reason)? SyntaxViolation(SyntaxNode node) => node switch
    {
        UnsafeStatementSyntax => ("unsafe", "unsafe code is not allowed: it can write anywhere in memory. Use arrays and spans."),
        MemberDeclarationSyntax member when member.Modifiers.Any(SyntaxKind.UnsafeKeyword) =>
            ("unsafe", "unsafe code is not allowed: it can write anywhere in memory. Use arrays and spans."),
        MethodDeclarationSyntax method when method.Modifiers.Any(SyntaxKind.ExternKeyword) =>
            ("extern", "calling native code is not allowed in a submission: write the computation in C#."),
        LocalFunctionStatementSyntax local when local.Modifiers.Any(SyntaxKind.ExternKeyword) || local.Modifiers.Any(SyntaxKind.UnsafeKeyword) =>
            ("extern", "calling native code is not allowed in a submission: write the computation in C#."),
        _ => null,
    };

    private static IEnumerable<ISymbol> SymbolsUsedBy(SyntaxNode node, SemanticModel model)
    {
        switch (node)
        {
            case SimpleNameSyntax:
            case BaseObjectCreationExpressionSyntax:
            case AttributeSyntax:
            case ElementAccessExpressionSyntax:
                var info = model.GetSymbolInfo(node);
                if (info.Symbol is { } symbol)
                {
                    yield return Unreduced(symbol);
                }
                else
                {
                    foreach (var candidate in info.CandidateSymbols)
                    {
                        yield return Unreduced(candidate);
                    }
                }

                // A value of a banned type is a use too: `typeof(T).Assembly` yields an Assembly.
                if (node is SimpleNameSyntax && model.GetTypeInfo(node).Type is INamedTypeSymbol type)
                {
                    yield return type;
                }

                break;
        }
    }

    private static ISymbol Unreduced(ISymbol symbol) =>
        symbol is IMethodSymbol { ReducedFrom: { } extension } ? extension : symbol;

    private static string Describe(ISymbol symbol) => symbol switch
    {
        INamedTypeSymbol type => BannedApi.FullName(type),
        IMethodSymbol { MethodKind: MethodKind.Constructor } constructor => $"new {BannedApi.FullName(constructor.ContainingType)}",
        _ when symbol.ContainingType is { } owner => $"{BannedApi.FullName(owner)}.{symbol.Name}",
        _ => symbol.ToDisplayString(),
    };

    private static PolicyViolation At(SyntaxNode node, string api, string reason)
    {
        var span = node.GetLocation().GetMappedLineSpan();
        return new PolicyViolation(span.Path, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1, api, reason);
    }
}
