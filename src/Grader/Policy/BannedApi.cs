using Microsoft.CodeAnalysis;

namespace Autograder.Grader.Policy;

/// <summary>
/// An API a submission may not use, with the reason in a learner's words. <see cref="Pattern"/>
/// is a namespace followed by <c>.*</c> (everything in it and below), a type's full name (the
/// type and all its members), or a member's full name (<c>System.Environment.Exit</c>).
/// </summary>
public sealed record BannedApi(string Pattern, string Reason)
{
    private bool IsNamespace => Pattern.EndsWith(".*", StringComparison.Ordinal);

    private string Prefix => Pattern[..^2];

    /// <summary>Whether using <paramref name="symbol"/> is using this API.</summary>
    public bool Matches(ISymbol symbol)
    {
        var type = symbol as INamedTypeSymbol ?? symbol.ContainingType;
        if (IsNamespace)
        {
            var ns = (type?.ContainingNamespace ?? symbol as INamespaceSymbol ?? symbol.ContainingNamespace)?.ToDisplayString();
            return ns is not null && (ns == Prefix || ns.StartsWith(Prefix + ".", StringComparison.Ordinal));
        }

        for (var outer = type; outer is not null; outer = outer.ContainingType)
        {
            if (FullName(outer) == Pattern)
            {
                return true;
            }
        }

        return type is not null && symbol is not INamedTypeSymbol && $"{FullName(type)}.{symbol.Name}" == Pattern;
    }

    internal static string FullName(INamedTypeSymbol type) =>
        type.OriginalDefinition.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat
            .WithGlobalNamespaceStyle(SymbolDisplayGlobalNamespaceStyle.Omitted)
            .WithGenericsOptions(SymbolDisplayGenericsOptions.None));
}
