using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Autograder.Tools.SeedSweep;

/// <summary>
/// Finds, in a compiled exercise, where each torch.nn.Module subclass creates its layers: runs of
/// consecutive constructor statements that assign a field or property from an expression creating
/// a module or a parameter, and field declarations that do so in their initialisers (C# runs
/// those in declaration order, before the constructor). Needs the semantic model: a helper such as
/// <c>Block(3, 16)</c> creates a layer because it returns a Sequential, whatever its name.
/// </summary>
internal static class CreationSteps
{
    /// <summary>
    /// Layers whose creation draws nothing from the global generator: no parameters, or parameters
    /// that start at constants (batch and layer norm: ones and zeros). Moving them changes no
    /// initialisation, so they stay in place. CreationOrderTests proves each against TorchSharp.
    /// </summary>
    public static readonly IReadOnlySet<string> DrawNoRandomNumbers = new HashSet<string>(StringComparer.Ordinal)
    {
        "ReLU", "LeakyReLU", "GELU", "Sigmoid", "Tanh", "Softmax", "LogSoftmax", "Softplus", "Identity",
        "Flatten", "Unflatten", "Dropout", "Dropout2d", "MaxPool1d", "MaxPool2d", "AvgPool1d", "AvgPool2d",
        "AdaptiveAvgPool2d", "MaxUnpool2d", "BatchNorm1d", "BatchNorm2d", "LayerNorm",
    };

    /// <summary>Modules that hold others and create no parameters of their own.</summary>
    private static readonly IReadOnlySet<string> Containers = new HashSet<string>(StringComparer.Ordinal)
    {
        "Sequential", "ModuleList", "ModuleDict", "ParameterList", "ParameterDict",
    };

    private const string ModuleType = "TorchSharp.torch.nn.Module";
    private const string TensorType = "TorchSharp.torch.Tensor";
    private const string ParameterType = "TorchSharp.Modules.Parameter";
    private const string LayerTypes = "TorchSharp.Modules";

    /// <summary>Every group with at least two steps that draw random numbers (fewer cannot be reordered).</summary>
    public static IReadOnlyList<CreationGroup> Find(Compilation compilation)
    {
        var groups = new List<CreationGroup>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            var model = compilation.GetSemanticModel(tree);
            foreach (var type in tree.GetRoot().DescendantNodes().OfType<ClassDeclarationSyntax>())
            {
                if (model.GetDeclaredSymbol(type) is not { } symbol || !DerivesFrom(symbol, ModuleType))
                {
                    continue;
                }

                var fields = type.Members.OfType<FieldDeclarationSyntax>()
                    .Where(field => !field.Modifiers.Any(SyntaxKind.StaticKeyword) && !field.Modifiers.Any(SyntaxKind.ConstKeyword))
                    .Select(field => FieldStep(model, field))
                    .OfType<CreationStep>();
                groups.Add(new CreationGroup($"{type.Identifier.ValueText} (fields)", [.. fields]));
                foreach (var constructor in type.Members.OfType<ConstructorDeclarationSyntax>())
                {
                    if (constructor.Body is null || constructor.Modifiers.Any(SyntaxKind.StaticKeyword))
                    {
                        continue;
                    }

                    groups.AddRange(Runs(model, constructor.Body.Statements).Select(run => new CreationGroup(type.Identifier.ValueText, run)));
                }
            }
        }

        return [.. groups.Where(group => group.Movable.Count >= 2)];
    }

    private static IEnumerable<List<CreationStep>> Runs(SemanticModel model, SyntaxList<StatementSyntax> statements)
    {
        var run = new List<CreationStep>();
        foreach (var statement in statements)
        {
            if (StatementStep(model, statement) is { } step)
            {
                run.Add(step);
                continue;
            }

            if (run.Count > 0)
            {
                yield return run;
                run = [];
            }
        }

        if (run.Count > 0)
        {
            yield return run;
        }
    }

    private static CreationStep? StatementStep(SemanticModel model, StatementSyntax statement)
    {
        if (statement is not ExpressionStatementSyntax { Expression: AssignmentExpressionSyntax assignment }
            || !assignment.IsKind(SyntaxKind.SimpleAssignmentExpression)
            || model.GetSymbolInfo(assignment.Left).Symbol is not (IFieldSymbol { IsStatic: false } or IPropertySymbol { IsStatic: false })
            || !CreatesLayer(model, assignment.Right))
        {
            return null;
        }

        var name = model.GetSymbolInfo(assignment.Left).Symbol!.Name;
        return new CreationStep(statement, name, new HashSet<string>(StringComparer.Ordinal) { name }, IdentifiersIn(assignment.Right), DrawsRandomNumbers(model, assignment.Right));
    }

    private static CreationStep? FieldStep(SemanticModel model, FieldDeclarationSyntax field)
    {
        var initialised = field.Declaration.Variables.Where(variable => variable.Initializer is not null).ToList();
        if (!initialised.Any(variable => CreatesLayer(model, variable.Initializer!.Value)))
        {
            return null;
        }

        var names = field.Declaration.Variables.Select(variable => variable.Identifier.ValueText).ToList();
        var reads = new HashSet<string>(initialised.SelectMany(variable => IdentifiersIn(variable.Initializer!.Value)), StringComparer.Ordinal);
        var draws = initialised.Any(variable => DrawsRandomNumbers(model, variable.Initializer!.Value));
        return new CreationStep(field, string.Join(", ", names), new HashSet<string>(names, StringComparer.Ordinal), reads, draws);
    }

    /// <summary>A call or a <c>new</c> whose value is a module or a parameter (not a reference to an existing one).</summary>
    private static bool CreatesLayer(SemanticModel model, ExpressionSyntax value)
    {
        var type = model.GetTypeInfo(value).Type;
        return type is not null
            && (DerivesFrom(type, ModuleType) || DerivesFrom(type, ParameterType))
            && value.DescendantNodesAndSelf().Any(node => node is InvocationExpressionSyntax or BaseObjectCreationExpressionSyntax);
    }

    /// <summary>
    /// Whether evaluating the expression may create a layer that draws from the generator. A
    /// container (<c>Sequential(layers)</c>, <c>new ModuleList()</c>) draws only through the layers
    /// created in its arguments; a method of the learner's may create anything.
    /// </summary>
    private static bool DrawsRandomNumbers(SemanticModel model, ExpressionSyntax value) =>
        value.DescendantNodesAndSelf()
            .Where(node => node is InvocationExpressionSyntax or BaseObjectCreationExpressionSyntax)
            .Any(node => CallDraws(model, node));

    private static bool CallDraws(SemanticModel model, SyntaxNode call)
    {
        if (model.GetSymbolInfo(call).Symbol is not IMethodSymbol method)
        {
            // Unbound: only nameof, which runs at compile time, is known to draw nothing.
            return call is not InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "nameof" } };
        }

        if (method.Locations.Any(location => location.IsInSource))
        {
            return true;
        }

        var type = method.MethodKind == MethodKind.Constructor ? method.ContainingType : method.ReturnType;
        if (DerivesFrom(type, ModuleType) || DerivesFrom(type, ParameterType))
        {
            var torchSharpLayer = type.ContainingNamespace?.ToDisplayString() == LayerTypes;
            return !(torchSharpLayer && (DrawNoRandomNumbers.Contains(type.Name) || Containers.Contains(type.Name)));
        }

        // A library call that makes a tensor may draw (randn, an init function); others (ToArray, Math.Max) do not.
        return DerivesFrom(type, TensorType);
    }

    private static HashSet<string> IdentifiersIn(SyntaxNode node) =>
        new(node.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().Select(name => name.Identifier.ValueText), StringComparer.Ordinal);

    private static bool DerivesFrom(ITypeSymbol type, string baseName)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.OriginalDefinition.ToDisplayString() == baseName)
            {
                return true;
            }
        }

        return false;
    }
}
