using System.Collections;
using System.Reflection;
using TorchSharp.Modules;

namespace Autograder.Checks;

/// <summary>
/// The parameters a learner's module holds in its fields, found by reflection rather than by
/// asking the module: layers kept in fields (or in arrays and lists of layers) and parameters kept directly.
/// TorchSharp's own layers register their weights themselves, so each is asked for its
/// parameters; a module of the learner's own is searched field by field in turn. A check compares
/// this with <c>parameters()</c>, which lists only what the module registered.
/// </summary>
internal static class ModuleFields
{
    private static readonly Assembly TorchSharpAssembly = typeof(nn.Module).Assembly;

    /// <summary>Every parameter reachable from the fields of <paramref name="module"/>, with the path of fields that holds it.</summary>
    public static IReadOnlyList<(string Path, Tensor Parameter)> Parameters(nn.Module module, string name)
    {
        var found = new List<(string, Tensor)>();
        Walk(module, name, found, new HashSet<object>(ReferenceEqualityComparer.Instance));
        return found;
    }

    private static void Walk(object module, string path, List<(string, Tensor)> found, HashSet<object> seen)
    {
        if (!seen.Add(module))
        {
            return;
        }

        for (var type = module.GetType(); type is not null && type.Assembly != TorchSharpAssembly; type = type.BaseType)
        {
            foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                Add(field.GetValue(module), $"{path}.{Clean(field.Name)}", found, seen);
            }
        }
    }

    private static void Add(object? value, string path, List<(string, Tensor)> found, HashSet<object> seen)
    {
        switch (value)
        {
            case Parameter parameter:
                found.Add((path, parameter));
                break;
            case nn.Module layer when layer.GetType().Assembly == TorchSharpAssembly:
                if (seen.Add(layer))
                {
                    found.AddRange(layer.named_parameters().Select(p => ($"{path}.{p.name}", (Tensor)p.parameter)));
                }

                break;
            case nn.Module own:
                Walk(own, path, found, seen);
                break;
            case IList items:
                var i = 0;
                foreach (var item in items)
                {
                    if (item is nn.Module or Parameter)
                    {
                        Add(item, $"{path}[{i}]", found, seen);
                    }

                    i++;
                }

                break;
        }
    }

    /// <summary>The running means and variances of every batch-norm layer, or null when the model has none.</summary>
    public static double[]? RunningStatistics(nn.Module model)
    {
        using var scope = NewDisposeScope();
        var buffers = model.named_buffers().Where(b => b.name.EndsWith("running_mean") || b.name.EndsWith("running_var")).ToList();
        return buffers.Count == 0
            ? null
            : cat([.. buffers.Select(b => b.buffer.detach().flatten().to_type(ScalarType.Float64))], 0).cpu().data<double>().ToArray();
    }

    /// <summary>An auto-property's backing field is named &lt;Name&gt;k__BackingField; the learner wrote Name.</summary>
    private static string Clean(string field) =>
        field.StartsWith('<') && field.IndexOf('>') is var end and > 0 ? field[1..end] : field;
}
