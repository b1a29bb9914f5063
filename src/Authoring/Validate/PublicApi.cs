using Autograder.Grader.Checks;
using Autograder.Grader.Compile;
using Microsoft.CodeAnalysis;

namespace Autograder.Authoring.Validate;

/// <summary>
/// Stub and solution expose the same public API, compared as Roslyn symbols: public types (with
/// their kind, base type and interfaces) and their public and protected members with full
/// signatures. Learners see only the stub, and checks call what the solution declares.
/// </summary>
internal static class PublicApi
{
    private static readonly SymbolDisplayFormat Format = new(
        globalNamespaceStyle: SymbolDisplayGlobalNamespaceStyle.Omitted,
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
        genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters | SymbolDisplayGenericsOptions.IncludeTypeConstraints,
        memberOptions: SymbolDisplayMemberOptions.IncludeAccessibility | SymbolDisplayMemberOptions.IncludeModifiers
            | SymbolDisplayMemberOptions.IncludeType | SymbolDisplayMemberOptions.IncludeParameters
            | SymbolDisplayMemberOptions.IncludeContainingType | SymbolDisplayMemberOptions.IncludeRef
            | SymbolDisplayMemberOptions.IncludeConstantValue,
        kindOptions: SymbolDisplayKindOptions.IncludeTypeKeyword | SymbolDisplayKindOptions.IncludeMemberKeyword,
        parameterOptions: SymbolDisplayParameterOptions.IncludeType | SymbolDisplayParameterOptions.IncludeName
            | SymbolDisplayParameterOptions.IncludeParamsRefOut | SymbolDisplayParameterOptions.IncludeDefaultValue
            | SymbolDisplayParameterOptions.IncludeExtensionThis,
        propertyStyle: SymbolDisplayPropertyStyle.ShowReadWriteDescriptor,
        miscellaneousOptions: SymbolDisplayMiscellaneousOptions.UseSpecialTypes | SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    /// <summary>Breakages where the two differ; none when either does not compile (grading reports that).</summary>
    public static IEnumerable<Breakage> Compare(ExerciseSpec exercise, IReadOnlyList<SourceFile> stub, IReadOnlyList<SourceFile> solution)
    {
        if (SubmissionCompiler.Compile($"{exercise.Id}-stub", stub, usings: exercise.Usings) is not CompileResult.Success stubbed
            || SubmissionCompiler.Compile($"{exercise.Id}-solution", solution, usings: exercise.Usings) is not CompileResult.Success solved)
        {
            yield break;
        }

        var theirs = Surface(solved.Compilation.Assembly);
        var ours = Surface(stubbed.Compilation.Assembly);
        foreach (var (signature, symbol) in theirs.Where(entry => !ours.ContainsKey(entry.Key)))
        {
            yield return new Breakage(
                $"exercises/{FileOf(symbol, exercise.Id)}",
                $"{signature} (declared in solutions/{FileOf(symbol, exercise.Id)})",
                "no such public declaration in the stub",
                "declare it in the stub with the same signature; a method's body throws NotImplementedException(\"Type.Method is not implemented yet.\")");
        }

        foreach (var (signature, symbol) in ours.Where(entry => !theirs.ContainsKey(entry.Key)))
        {
            yield return new Breakage(
                $"exercises/{FileOf(symbol, exercise.Id)}",
                "only what the solution declares publicly",
                $"{signature}, which the solution does not declare",
                "remove it from the stub, or add it to the solution; learners must see exactly the API the checks call");
        }
    }

    private static Dictionary<string, ISymbol> Surface(IAssemblySymbol assembly)
    {
        var surface = new Dictionary<string, ISymbol>(StringComparer.Ordinal);
        foreach (var type in Types(assembly.GlobalNamespace).Where(IsVisible))
        {
            var header = type.ToDisplayString(Format);
            var bases = new[] { type.BaseType }
                .Where(baseType => baseType is not null && baseType.SpecialType is not (SpecialType.System_Object or SpecialType.System_ValueType or SpecialType.System_Enum))
                .Concat(type.Interfaces)
                .Select(baseType => baseType!.ToDisplayString(Format))
                .ToList();
            surface[$"{Kind(type)}{header}{(bases.Count > 0 ? " : " + string.Join(", ", bases) : "")}"] = type;
            foreach (var member in type.GetMembers().Where(member => IsVisible(member) && !member.IsImplicitlyDeclared && member is not INamedTypeSymbol))
            {
                surface[member.ToDisplayString(Format)] = member;
            }
        }

        return surface;
    }

    private static IEnumerable<INamedTypeSymbol> Types(INamespaceSymbol space)
    {
        foreach (var type in space.GetTypeMembers().SelectMany(Nested))
        {
            yield return type;
        }

        foreach (var type in space.GetNamespaceMembers().SelectMany(Types))
        {
            yield return type;
        }
    }

    private static IEnumerable<INamedTypeSymbol> Nested(INamedTypeSymbol type) => [type, .. type.GetTypeMembers().SelectMany(Nested)];

    private static bool IsVisible(ISymbol symbol)
    {
        for (var current = symbol; current is not null and not INamespaceSymbol; current = current.ContainingSymbol)
        {
            if (current.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Protected or Accessibility.ProtectedOrInternal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The modifiers the display format leaves out of a type's header.</summary>
    private static string Kind(INamedTypeSymbol type) =>
        type.IsStatic ? "static " : type.IsSealed && type.TypeKind == TypeKind.Class ? "sealed " : type.IsAbstract && type.TypeKind == TypeKind.Class ? "abstract " : "";

    private static string FileOf(ISymbol symbol, string exerciseId)
    {
        var path = symbol.Locations.FirstOrDefault(location => location.IsInSource)?.SourceTree?.FilePath;
        return string.IsNullOrEmpty(path) ? exerciseId + "/" : path.Replace('\\', '/');
    }
}
