using Microsoft.CodeAnalysis;

namespace Autograder.Grader.Policy;

/// <summary>
/// An API a submission may not use, with the reason in a learner's words. <see cref="Pattern"/>
/// is a namespace followed by <c>.*</c> (everything in it and below), a type's full name (the
/// type, its nested types and all their members), or a member's full name
/// (<c>System.Environment.Exit</c>).
/// </summary>
public sealed record BannedApi(string Pattern, string Reason)
{
    /// <summary>Whether using <paramref name="symbol"/> is using this API.</summary>
    public bool Matches(ISymbol symbol) => ApiPattern.Matches(Pattern, symbol);
}

/// <summary>Matches API patterns (see <see cref="BannedApi"/>) against Roslyn symbols.</summary>
public static class ApiPattern
{
    public static bool Matches(string pattern, ISymbol symbol)
    {
        var type = symbol as INamedTypeSymbol ?? symbol.ContainingType;
        if (pattern.EndsWith(".*", StringComparison.Ordinal))
        {
            var prefix = pattern[..^2];
            var ns = (type?.ContainingNamespace ?? symbol as INamespaceSymbol ?? symbol.ContainingNamespace)?.ToDisplayString();
            return ns is not null && (ns == prefix || ns.StartsWith(prefix + ".", StringComparison.Ordinal));
        }

        for (var outer = type; outer is not null; outer = outer.ContainingType)
        {
            if (FullName(outer) == pattern)
            {
                return true;
            }
        }

        return type is not null && symbol is not INamedTypeSymbol && $"{FullName(type)}.{symbol.Name}" == pattern;
    }

    /// <summary>
    /// The type's full name without generic arguments (<c>System.Collections.Generic.List</c>),
    /// built by hand so that tuples read as <c>System.ValueTuple</c> and keywords as their types.
    /// </summary>
    public static string FullName(INamedTypeSymbol type)
    {
        var name = type.OriginalDefinition.Name;
        if (type.ContainingType is { } outer)
        {
            return $"{FullName(outer)}.{name}";
        }

        return type.ContainingNamespace is { IsGlobalNamespace: false } ns ? $"{ns.ToDisplayString()}.{name}" : name;
    }
}
