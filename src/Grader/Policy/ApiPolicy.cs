using Autograder.Grader.Compile;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Autograder.Grader.Policy;

/// <summary>
/// Walks the semantic model of a compiled submission and reports every use of an API it may not
/// use. Every name, constructor call, attribute, operator, conversion, <c>foreach</c>,
/// deconstruction and query clause is resolved to its symbol, so aliases, <c>using static</c>,
/// <c>var</c>, extension methods and method groups cannot hide what is called; a name is also
/// judged by the type of the value it gives. Each symbol must lie in the learner's own code or in
/// <see cref="AllowedApis"/>, and must not be denied by the exercise or by <see cref="GlobalBans"/>.
/// Syntax the semantic model does not show as a symbol (unsafe code, <c>extern</c>, undocumented
/// keywords, <c>#line</c>, finalisers, <c>async</c>) has rules of its own in <see cref="SyntaxRules"/>.
/// </summary>
public static class ApiPolicy
{
    /// <summary>
    /// The walk over learner code: bounded like the compile (<see cref="RoslynThread"/>), because
    /// a new semantic model binds the code again, and per node inside lambdas, so text that binds
    /// slowly costs more here than in the compile that just passed.
    /// </summary>
    public static PolicyResult CheckWithin(
        Compilation compilation,
        IReadOnlyList<BannedApi> exerciseBans,
        IReadOnlyList<BannedLiteral>? bannedLiterals = null,
        CompileLimits? limits = null)
    {
        limits ??= CompileLimits.Default;
        // The first walk in a process JIT-compiles the semantic model's queries; on trusted text,
        // before the clock starts, as the compile does.
        _ = Warm.Value;
        return RoslynThread.TryRun($"policy {compilation.AssemblyName}", limits.TimeLimit,
            cancellation => Check(compilation, exerciseBans, bannedLiterals, cancellation), out var violations)
            ? new PolicyResult(violations)
            : new PolicyResult([]) { Limit = limits.TookTooLong(Checking, [.. compilation.SyntaxTrees.Where(CourseUsings.IsLearners).Select(tree => tree.FilePath)]) };
    }

    /// <summary>The step's name in a learner's message when it runs out of time.</summary>
    internal const string Checking = "checking which APIs it uses";

    private static readonly Lazy<int> Warm = new(() =>
        SubmissionCompiler.Compile("WarmPolicy", [new SourceFile("warm.cs", WarmText)]) is CompileResult.Success warm
            ? Check(warm.Compilation, []).Count
            : -1);

    /// <summary>Trusted text that takes the walk through its kinds of query: names, lambdas, operators, foreach, deconstruction, a query.</summary>
    internal const string WarmText = """
        using System.Collections.Generic;
        using System.Linq;
        static class Warm
        {
            static int M(int[] xs)
            {
                var (a, b) = (xs.Length, 1);
                foreach (var x in from x in xs where x > a select x + b) { a += x; }
                return xs.Select(x => x * 2).Where(x => x > 0).Sum() + new List<int> { a }.Count;
            }
        }
        """;

    /// <summary>
    /// The walk itself, on the caller's thread and without a clock: for trusted text (reference
    /// solutions, stubs, mutants of solutions) and for callers that bound it themselves. Learner
    /// text goes through <see cref="CheckWithin"/>.
    /// </summary>
    public static IReadOnlyList<PolicyViolation> Check(
        Compilation compilation,
        IReadOnlyList<BannedApi> exerciseBans,
        IReadOnlyList<BannedLiteral>? bannedLiterals = null,
        CancellationToken cancellation = default)
    {
        bannedLiterals ??= [];
        var judge = new SymbolJudge(compilation, exerciseBans);
        // Each found violation with its rank: a member ("File.ReadAllText") says more than its
        // type ("File") or namespace, so it is the one reported for its line.
        var violations = new List<(PolicyViolation Violation, int Rank)>();
        foreach (var tree in compilation.SyntaxTrees.Where(CourseUsings.IsLearners))
        {
            var model = compilation.GetSemanticModel(tree);
            var root = tree.GetRoot(cancellation);
            foreach (var directive in SyntaxRules.HiddenLocations(root))
            {
                violations.Add((At(directive.Node, directive.Api, directive.Reason), 2));
            }

            // Using directives only name things; what counts is what the code then uses. The
            // argument of nameof is only a name: nothing runs.
            foreach (var node in root.DescendantNodes(descendIntoChildren: node => node is not UsingDirectiveSyntax && !IsNameOfArgument(node, model, cancellation)))
            {
                // Every query below may bind again (a lambda's body once per query inside it), so
                // the walk stops at the next node once its time is up.
                cancellation.ThrowIfCancellationRequested();
                if (node is UsingDirectiveSyntax)
                {
                    continue;
                }

                if (LiteralViolation(node, bannedLiterals) is { } literal)
                {
                    violations.Add((At(node, literal.Description, literal.Reason), 2));
                    continue;
                }

                if (SyntaxRules.Violation(node) is { } syntax)
                {
                    violations.Add((At(node, syntax.Api, syntax.Reason), 2));
                    continue;
                }

                if (SemanticViolation(node, model, judge, cancellation) is { } semantic)
                {
                    violations.Add((At(node, semantic.Api, semantic.Reason), 2));
                    continue;
                }

                foreach (var (used, matched) in SymbolsUsedBy(node, model, cancellation))
                {
                    if (judge.Verdict(matched) is { } verdict)
                    {
                        var api = verdict.Api ?? (ReferenceEquals(used, matched) ? Describe(used) : $"{Describe(used)} (gives {WithArticle(Describe(matched))})");
                        violations.Add((At(node, api, verdict.Reason), used is ITypeSymbol or INamespaceSymbol ? 1 : 2));
                        break;
                    }
                }
            }
        }

        // One report per reason and line: `File.ReadAllText` is one use, not two (type and member).
        return [.. violations
            .GroupBy(found => (found.Violation.File, found.Violation.Line, found.Violation.Reason))
            .Select(group => group.OrderByDescending(found => found.Rank).ThenBy(found => found.Violation.Column).First().Violation)
            .OrderBy(violation => violation.File, StringComparer.Ordinal)
            .ThenBy(violation => violation.Line)
            .ThenBy(violation => violation.Column)];
    }

    private static bool IsNameOfArgument(SyntaxNode node, SemanticModel model, CancellationToken cancellation) =>
        node is ArgumentListSyntax { Parent: InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.Text: "nameof" } } invocation }
        && model.GetSymbolInfo(invocation.Expression, cancellation).Symbol is null
        && model.GetConstantValue(invocation, cancellation).HasValue;

    /// <summary>
    /// Rules that need the semantic model but no symbol list: <c>dynamic</c> (it binds through
    /// reflection at run time), and assignments to static state of types that are not the
    /// learner's (a process-wide default outlives the check: it reached the next exercise once).
    /// </summary>
    private static (string Api, string Reason)? SemanticViolation(SyntaxNode node, SemanticModel model, SymbolJudge judge, CancellationToken cancellation)
    {
        if (node is IdentifierNameSyntax { Identifier.Text: "dynamic" } && model.GetSymbolInfo(node, cancellation).Symbol is IDynamicTypeSymbol)
        {
            return ("dynamic", "dynamic is not allowed in a submission: it finds members by reflection while the program runs. Use the real types.");
        }

        var target = node switch
        {
            AssignmentExpressionSyntax assignment => assignment.Left,
            PrefixUnaryExpressionSyntax unary when unary.IsKind(SyntaxKind.PreIncrementExpression) || unary.IsKind(SyntaxKind.PreDecrementExpression) => unary.Operand,
            PostfixUnaryExpressionSyntax unary when unary.IsKind(SyntaxKind.PostIncrementExpression) || unary.IsKind(SyntaxKind.PostDecrementExpression) => unary.Operand,
            ArgumentSyntax argument when !argument.RefKindKeyword.IsKind(SyntaxKind.None) && !argument.RefKindKeyword.IsKind(SyntaxKind.InKeyword) => argument.Expression,
            RefExpressionSyntax reference => reference.Expression,
            _ => null,
        };
        if (target is not null
            && model.GetSymbolInfo(target, cancellation).Symbol is { IsStatic: true } state and (IFieldSymbol or IPropertySymbol or IEventSymbol)
            && !judge.IsOwn(state))
        {
            return (Describe(state), SymbolJudge.ProcessWide);
        }

        return null;
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

    /// <summary>
    /// Each symbol the node uses, paired with what is judged: the symbol itself, the types it is
    /// built from (<c>List&lt;Process&gt;</c> uses Process), and for names also the type of the
    /// value they give (<c>typeof(T).Assembly</c> gives an Assembly, <c>GetMethods()</c> an array of
    /// MethodInfo). Operators, user-defined conversions, <c>foreach</c>, deconstruction, <c>await</c>
    /// and query clauses call methods no name shows; those are included too.
    /// </summary>
    private static IEnumerable<(ISymbol Used, ISymbol Matched)> SymbolsUsedBy(SyntaxNode node, SemanticModel model, CancellationToken cancellation)
    {
        foreach (var implicitly in ImplicitSymbols(node, model, cancellation))
        {
            yield return (implicitly, implicitly);
        }

        if (node is not (SimpleNameSyntax or BaseObjectCreationExpressionSyntax or AttributeSyntax or ElementAccessExpressionSyntax
            or ConstructorInitializerSyntax or PrimaryConstructorBaseTypeSyntax))
        {
            yield break;
        }

        var info = model.GetSymbolInfo(node, cancellation);
        var symbols = info.Symbol is { } symbol ? [symbol] : info.CandidateSymbols;
        // Namespaces are only paths to types; the types and members are what is judged.
        // A type that only qualifies a member (`Console` in `System.Console.WriteLine`) is judged
        // by that member, whose own node comes next. Members that qualify (`Console.Out` in
        // `Console.Out.WriteLine`) are judged themselves.
        foreach (var used in symbols.Select(Unreduced).Where(symbol => symbol is not INamespaceSymbol
            && !(symbol is INamedTypeSymbol && IsQualifier(node))))
        {
            if (used is ITypeSymbol type)
            {
                foreach (var part in TypesWithin(type))
                {
                    yield return (used, part);
                }

                continue;
            }

            yield return (used, used);
            if (used is IMethodSymbol { TypeArguments.Length: > 0 } generic)
            {
                foreach (var part in generic.TypeArguments.SelectMany(argument => TypesWithin(argument)))
                {
                    yield return (used, part);
                }
            }

            if (node is SimpleNameSyntax && ValueType(used) is { } value)
            {
                foreach (var part in TypesWithin(value))
                {
                    yield return (used, part);
                }
            }
        }
    }

    private static IEnumerable<ISymbol> ImplicitSymbols(SyntaxNode node, SemanticModel model, CancellationToken cancellation)
    {
        switch (node)
        {
            case BinaryExpressionSyntax or PrefixUnaryExpressionSyntax or PostfixUnaryExpressionSyntax or CastExpressionSyntax
                or AssignmentExpressionSyntax { RawKind: not (int)SyntaxKind.SimpleAssignmentExpression }:
                if (model.GetSymbolInfo(node, cancellation).Symbol is IMethodSymbol { MethodKind: MethodKind.UserDefinedOperator or MethodKind.Conversion } op)
                {
                    yield return op;
                }

                break;
            case CommonForEachStatementSyntax loop:
                var each = model.GetForEachStatementInfo(loop);
                ISymbol?[] parts = [each.GetEnumeratorMethod, each.MoveNextMethod, each.CurrentProperty, each.DisposeMethod, each.ElementConversion.MethodSymbol];
                foreach (var part in parts.OfType<ISymbol>())
                {
                    yield return part;
                }

                if (loop is ForEachVariableStatementSyntax deconstructing)
                {
                    foreach (var method in Deconstructors(model.GetDeconstructionInfo(deconstructing)))
                    {
                        yield return method;
                    }
                }

                break;
            case AssignmentExpressionSyntax { Left: TupleExpressionSyntax or DeclarationExpressionSyntax } deconstruction:
                foreach (var method in Deconstructors(model.GetDeconstructionInfo(deconstruction)))
                {
                    yield return method;
                }

                break;
            case AwaitExpressionSyntax awaited:
                var awaiting = model.GetAwaitExpressionInfo(awaited);
                ISymbol?[] awaitParts = [awaiting.GetAwaiterMethod, awaiting.IsCompletedProperty, awaiting.GetResultMethod];
                foreach (var part in awaitParts.OfType<ISymbol>())
                {
                    yield return part;
                }

                break;
            case QueryClauseSyntax clause:
                var query = model.GetQueryClauseInfo(clause, cancellation);
                ISymbol?[] queryParts = [query.CastInfo.Symbol, query.OperationInfo.Symbol];
                foreach (var part in queryParts.OfType<ISymbol>())
                {
                    yield return Unreduced(part);
                }

                break;
            case SelectOrGroupClauseSyntax:
                if (model.GetSymbolInfo(node, cancellation).Symbol is { } selector)
                {
                    yield return Unreduced(selector);
                }

                break;
        }

        // An implicit user-defined conversion (`Tensor t = 1.0f;`, a banned type passed where
        // another is expected) calls a method no name shows.
        if (node is ExpressionSyntax expression && model.GetConversion(expression, cancellation) is { IsUserDefined: true, MethodSymbol: { } conversion })
        {
            yield return conversion;
        }
    }

    private static IEnumerable<IMethodSymbol> Deconstructors(DeconstructionInfo info)
    {
        if (info.Method is { } method)
        {
            yield return (IMethodSymbol)Unreduced(method);
        }

        foreach (var nested in info.Nested.SelectMany(Deconstructors))
        {
            yield return nested;
        }
    }

    /// <summary>The named types a type is built from: itself, its type arguments, array and pointer elements.</summary>
    private static IEnumerable<ITypeSymbol> TypesWithin(ITypeSymbol type) => TypesWithin(type, depth: 0);

    private static IEnumerable<ITypeSymbol> TypesWithin(ITypeSymbol type, int depth)
    {
        if (depth > 8)
        {
            yield break;
        }

        switch (type)
        {
            case IArrayTypeSymbol array:
                foreach (var part in TypesWithin(array.ElementType, depth + 1))
                {
                    yield return part;
                }

                break;
            case IPointerTypeSymbol pointer:
                foreach (var part in TypesWithin(pointer.PointedAtType, depth + 1))
                {
                    yield return part;
                }

                break;
            case INamedTypeSymbol named:
                yield return named;
                foreach (var part in named.TypeArguments.SelectMany(argument => TypesWithin(argument, depth + 1)))
                {
                    yield return part;
                }

                break;
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

    private static ITypeSymbol? ValueType(ISymbol symbol) => symbol switch
    {
        IMethodSymbol { MethodKind: not MethodKind.Constructor } method => method.ReturnType,
        IPropertySymbol property => property.Type,
        IFieldSymbol field => field.Type,
        IEventSymbol @event => @event.Type,
        ILocalSymbol local => local.Type,
        IParameterSymbol parameter => parameter.Type,
        IRangeVariableSymbol => null,
        _ => null,
    };

    internal static ISymbol Unreduced(ISymbol symbol) =>
        symbol is IMethodSymbol { ReducedFrom: { } extension } ? extension : symbol;

    internal static string Describe(ISymbol symbol) => symbol switch
    {
        INamedTypeSymbol type => ApiPattern.FullName(type),
        IMethodSymbol { MethodKind: MethodKind.Constructor } constructor => $"new {ApiPattern.FullName(constructor.ContainingType)}",
        _ when symbol.ContainingType is { } owner => $"{ApiPattern.FullName(owner)}.{symbol.Name}",
        _ => symbol.ToDisplayString(),
    };

    /// <summary>
    /// Where a node is in the file as written. <c>#line</c> would move the mapped position
    /// anywhere (it is reported as a violation of its own), so the unmapped one is used.
    /// </summary>
    internal static PolicyViolation At(SyntaxNode node, string api, string reason)
    {
        var span = node.GetLocation().GetLineSpan();
        return new PolicyViolation(span.Path, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1, api, reason);
    }

    private static string WithArticle(string name) => ("AEIOUaeiou".Contains(name[0], StringComparison.Ordinal) ? "an " : "a ") + name;
}
