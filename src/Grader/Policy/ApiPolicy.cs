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
    public static IReadOnlyList<PolicyViolation> Check(
        Compilation compilation, IReadOnlyList<BannedApi> exerciseBans, IReadOnlyList<BannedLiteral>? bannedLiterals = null)
    {
        bannedLiterals ??= [];
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

                if (LiteralViolation(node, bannedLiterals) is { } literal)
                {
                    violations.Add(At(node, literal.Description, literal.Reason));
                    continue;
                }

                if (SyntaxViolation(node) is { } reason)
                {
                    violations.Add(At(node, reason.Api, reason.Reason));
                    continue;
                }

                foreach (var (used, matched) in SymbolsUsedBy(node, model))
                {
                    if (bans.FirstOrDefault(ban => ban.Matches(matched)) is { } ban)
                    {
                        var api = ReferenceEquals(used, matched) ? Describe(used) : $"{Describe(used)} (gives a {Describe(matched)})";
                        violations.Add(At(node, api, ban.Reason));
                        break;
                    }
                }
            }
        }

        // One report per reason and line: `File.ReadAllText` is one use, not two (type and member);
        // the longest name is the most specific, the member rather than its type or namespace.
        return [.. violations
            .GroupBy(violation => (violation.File, violation.Line, violation.Reason))
            .Select(group => group.MaxBy(violation => violation.Api.Length)!)
            .OrderBy(violation => violation.File, StringComparer.Ordinal)
            .ThenBy(violation => violation.Line)
            .ThenBy(violation => violation.Column)];
    }

    private static BannedLiteral? LiteralViolation(SyntaxNode node, IReadOnlyList<BannedLiteral> bannedLiterals)
    {
        var text = node switch
        {
            LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression) => literal.Token.ValueText,
            InterpolatedStringTextSyntax part => part.TextToken.ValueText,
            _ => null,
        };
        return text is null ? null : bannedLiterals.FirstOrDefault(banned => banned.Pattern.IsMatch(text));
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

    /// <summary>
    /// Each symbol the node uses, paired with what is matched against the bans: the symbol itself,
    /// and for names also the type of the value they give (<c>typeof(T).Assembly</c> gives an
    /// Assembly, <c>GetMethods()</c> an array of MethodInfo).
    /// </summary>
    private static IEnumerable<(ISymbol Used, ISymbol Matched)> SymbolsUsedBy(SyntaxNode node, SemanticModel model)
    {
        if (node is not (SimpleNameSyntax or BaseObjectCreationExpressionSyntax or AttributeSyntax or ElementAccessExpressionSyntax))
        {
            yield break;
        }

        var info = model.GetSymbolInfo(node);
        var symbols = info.Symbol is { } symbol ? [symbol] : info.CandidateSymbols;
        foreach (var used in symbols.Select(Unreduced))
        {
            yield return (used, used);
            if (node is SimpleNameSyntax && ValueType(used) is { } type)
            {
                yield return (used, type);
            }
        }
    }

    private static INamedTypeSymbol? ValueType(ISymbol symbol)
    {
        var type = symbol switch
        {
            IMethodSymbol { MethodKind: not MethodKind.Constructor } method => method.ReturnType,
            IPropertySymbol property => property.Type,
            IFieldSymbol field => field.Type,
            ILocalSymbol local => local.Type,
            IParameterSymbol parameter => parameter.Type,
            _ => null,
        };
        while (type is IArrayTypeSymbol array)
        {
            type = array.ElementType;
        }

        return type as INamedTypeSymbol;
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
