using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Autograder.Grader.Policy;

/// <summary>
/// Walks the semantic model of a compiled submission and reports every use of a banned API:
/// every name, constructor call and attribute is resolved to its symbol, so aliases,
/// <c>using static</c>, <c>var</c> and extension methods cannot hide what is called.
/// </summary>
public static partial class ApiPolicy
{
    public static IReadOnlyList<PolicyViolation> Check(
        Compilation compilation, IReadOnlyList<BannedApi> exerciseBans, IReadOnlyList<BannedLiteral>? bannedLiterals = null)
    {
        bannedLiterals ??= [];
        // Each found violation with its rank: a member ("File.ReadAllText") says more than its
        // type ("File") or namespace, so it is the one reported for its line.
        var violations = new List<(PolicyViolation Violation, int Rank)>();
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
                    violations.Add((At(node, literal.Description, literal.Reason), 2));
                    continue;
                }

                if (SyntaxViolation(node) is { } reason)
                {
                    violations.Add((At(node, reason.Api, reason.Reason), 2));
                    continue;
                }

                if (SemanticViolation(node, model, exerciseBans) is { } semantic)
                {
                    violations.Add((At(node, semantic.Api, semantic.Reason), 2));
                    continue;
                }

                foreach (var (used, matched) in SymbolsUsedBy(node, model))
                {
                    if (BanOf(matched, exerciseBans) is { } ban)
                    {
                        var api = ReferenceEquals(used, matched) ? Describe(used) : $"{Describe(used)} (gives a {Describe(matched)})";
                        violations.Add((At(node, api, ban.Reason), used is INamedTypeSymbol or INamespaceSymbol ? 1 : 2));
                        break;
                    }
                }
            }
        }

        // One report per reason and line: `File.ReadAllText` is one use, not two (type and member).
        return [.. violations
            .GroupBy(found => (found.Violation.File, found.Violation.Line, found.Violation.Reason))
            .Select(group => group.OrderByDescending(found => found.Rank).First().Violation)
            .OrderBy(violation => violation.File, StringComparer.Ordinal)
            .ThenBy(violation => violation.Line)
            .ThenBy(violation => violation.Column)];
    }

    /// <summary>The exercise's own bans first, then the global ones unless the API is on the allowed list.</summary>
    private static BannedApi? BanOf(ISymbol symbol, IReadOnlyList<BannedApi> exerciseBans) =>
        exerciseBans.FirstOrDefault(ban => ban.Matches(symbol))
        ?? (GlobalBans.Allowed.Any(pattern => ApiPattern.Matches(pattern, symbol))
            ? null
            : GlobalBans.All.FirstOrDefault(ban => ban.Matches(symbol)));

    private const string FilePathReason =
        "this call takes a file path, and files are out of reach in a submission: the checks pass your code what it needs (a stream, where an exercise saves weights).";

    /// <summary>
    /// Rules that need the semantic model but no ban list: <c>dynamic</c> (it binds through
    /// reflection at run time), and any call with a string parameter named like a file path,
    /// which catches file access through libraries (<c>Module.save(string location)</c>).
    /// </summary>
    private static (string Api, string Reason)? SemanticViolation(SyntaxNode node, SemanticModel model, IReadOnlyList<BannedApi> exerciseBans)
    {
        if (node is IdentifierNameSyntax { Identifier.Text: "dynamic" } && model.GetSymbolInfo(node).Symbol is IDynamicTypeSymbol)
        {
            return ("dynamic", "dynamic is not allowed in a submission: it finds members by reflection while the program runs. Use the real types.");
        }

        if (node is InvocationExpressionSyntax or BaseObjectCreationExpressionSyntax
            && model.GetSymbolInfo(node).Symbol is IMethodSymbol method
            && BanOf(method, exerciseBans) is null
            && method.Parameters.FirstOrDefault(IsFilePath) is { } parameter)
        {
            return ($"{Describe(method)}({parameter.Name})", FilePathReason);
        }

        return null;
    }

    private static bool IsFilePath(IParameterSymbol parameter) =>
        parameter.Type.SpecialType == SpecialType.System_String && FilePathName().IsMatch(parameter.Name);

    [System.Text.RegularExpressions.GeneratedRegex("^(path|[a-z]+Path|file|file[A-Z][A-Za-z]*|filename|[a-z]+File|location|directory|dir|folder|url|uri)$")]
    private static partial System.Text.RegularExpressions.Regex FilePathName();

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
        // Namespaces are only paths to types; the types and members are what is judged.
        // A type that only qualifies a member (`Console` in `System.Console.WriteLine`) is judged
        // by that member, whose own node comes next. Members that qualify (`Console.Out` in
        // `Console.Out.WriteLine`) are judged themselves.
        foreach (var used in symbols.Select(Unreduced).Where(symbol => symbol is not INamespaceSymbol
            && !(symbol is INamedTypeSymbol && IsQualifier(node))))
        {
            yield return (used, used);
            if (node is SimpleNameSyntax && ValueType(used) is { } type)
            {
                yield return (used, type);
            }
        }
    }

    private static bool IsQualifier(SyntaxNode node)
    {
        // `System.Console` is itself the right part of a qualified name or member access.
        var whole = node.Parent switch
        {
            MemberAccessExpressionSyntax access when access.Name == node => access,
            QualifiedNameSyntax qualified when qualified.Right == node => qualified,
            _ => node,
        };
        return whole.Parent switch
        {
            MemberAccessExpressionSyntax access => access.Expression == whole,
            QualifiedNameSyntax qualified => qualified.Left == whole,
            _ => false,
        };
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
        INamedTypeSymbol type => ApiPattern.FullName(type),
        IMethodSymbol { MethodKind: MethodKind.Constructor } constructor => $"new {ApiPattern.FullName(constructor.ContainingType)}",
        _ when symbol.ContainingType is { } owner => $"{ApiPattern.FullName(owner)}.{symbol.Name}",
        _ => symbol.ToDisplayString(),
    };

    private static PolicyViolation At(SyntaxNode node, string api, string reason)
    {
        var span = node.GetLocation().GetMappedLineSpan();
        return new PolicyViolation(span.Path, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1, api, reason);
    }
}
