using Microsoft.CodeAnalysis;

namespace Autograder.Grader.Policy;

/// <summary>
/// Decides whether one symbol may be used, in this order: the exercise's own bans, the global
/// denials (with their few exceptions), then the learner's own code is free and everything else
/// must be on <see cref="AllowedApis"/>; an allowed library member still may not take a path or
/// hand out a native handle.
/// </summary>
internal sealed class SymbolJudge(Compilation compilation, IReadOnlyList<BannedApi> exerciseBans)
{
    public const string ProcessWide =
        "this changes state the whole process shares (a default, a static setting), so it would reach the grader and every later check; keep your settings in your own fields and pass them as arguments.";

    private const string NativeHandles =
        "native handles and pointers are not allowed in a submission: work with tensors and modules, not the memory behind them.";

    // The same few hundred symbols (Tensor, forward, Math.Exp) come back on every line; matching
    // one against every pattern builds names, so each is judged once.
    private readonly Dictionary<ISymbol, (string? Api, string Reason)?> _verdicts = new(SymbolEqualityComparer.Default);

    /// <summary>The reason <paramref name="symbol"/> may not be used, and the API to name when it is not the symbol itself.</summary>
    public (string? Api, string Reason)? Verdict(ISymbol symbol)
    {
        if (!_verdicts.TryGetValue(symbol, out var verdict))
        {
            verdict = Judge(symbol);
            _verdicts[symbol] = verdict;
        }

        return verdict;
    }

    private (string? Api, string Reason)? Judge(ISymbol symbol)
    {
        if (exerciseBans.FirstOrDefault(ban => ban.Matches(symbol)) is { } ban)
        {
            return (null, ban.Reason);
        }

        if (!GlobalBans.Allowed.Any(pattern => ApiPattern.Matches(pattern, symbol))
            && GlobalBans.All.FirstOrDefault(global => global.Matches(symbol)) is { } global)
        {
            return (null, global.Reason);
        }

        if (!IsLibraryApi(symbol))
        {
            return null;
        }

        if (!AllowedApis.Allows(symbol))
        {
            return (null, AllowedApis.ReasonFor(symbol));
        }

        if (HandsOutNativeMemory(symbol))
        {
            return (null, NativeHandles);
        }

        if (symbol is IMethodSymbol method && PathParameters.PathParameterOf(method) is { } path)
        {
            return ($"{ApiPolicy.Describe(method)}({path.Name})", PathParameters.Reason);
        }

        return null;
    }

    /// <summary>Whether the symbol is declared in the submission itself.</summary>
    public bool IsOwn(ISymbol symbol) =>
        SymbolEqualityComparer.Default.Equals(symbol.ContainingAssembly, compilation.Assembly)
        || symbol is INamedTypeSymbol { IsAnonymousType: true }
        || symbol.ContainingType is { IsAnonymousType: true };

    /// <summary>A type or member of a referenced library: locals, parameters, type parameters and the learner's own code are not.</summary>
    private bool IsLibraryApi(ISymbol symbol) => symbol switch
    {
        ITypeParameterSymbol or IErrorTypeSymbol or IDynamicTypeSymbol => false,
        INamedTypeSymbol type => !IsOwn(type),
        IMethodSymbol or IPropertySymbol or IFieldSymbol or IEventSymbol => symbol.ContainingType is not null && !IsOwn(symbol),
        _ => false,
    };

    /// <summary>A library member (TorchSharp's, the Reference library's) that takes or gives a pointer or a native handle.</summary>
    private static bool HandsOutNativeMemory(ISymbol symbol)
    {
        var ns = symbol.ContainingNamespace?.ToDisplayString() ?? "";
        if (!ns.StartsWith("TorchSharp", StringComparison.Ordinal) && !ns.StartsWith("Autograder.", StringComparison.Ordinal))
        {
            return false;
        }

        return symbol switch
        {
            IMethodSymbol method => IsNative(method.ReturnType) || method.Parameters.Any(parameter => IsNative(parameter.Type)),
            IPropertySymbol property => IsNative(property.Type),
            IFieldSymbol field => IsNative(field.Type),
            _ => false,
        };
    }

    private static bool IsNative(ITypeSymbol type) =>
        type.SpecialType is SpecialType.System_IntPtr or SpecialType.System_UIntPtr
        || type is IPointerTypeSymbol or IFunctionPointerTypeSymbol
        || type.Name is "SafeHandle" or "HType";
}
