using Autograder.Grader.Compile;
using Microsoft.CodeAnalysis;

namespace Autograder.Tools.SeedSweep;

/// <summary>An exercise's files with its layers created in one order; order 1 is the source as written.</summary>
internal sealed record CreationOrder(int Number, string Layers, IReadOnlyList<SourceFile> Files)
{
    public string Label => $"order {Number}: {Layers}";
}

/// <summary>
/// Rewrites an exercise so that its layers are created in other orders. TorchSharp initialises a
/// module's parameters from the global generator as each layer is created, so the same seed with
/// another creation order is another initialisation, one a learner could equally have written.
/// </summary>
internal static class CreationOrders
{
    /// <summary>
    /// Up to <paramref name="count"/> orders: the order as written first, then distinct orders
    /// picked with a generator seeded by <paramref name="seed"/>; every allowed order, in
    /// lexicographic order, when there are no more than <paramref name="count"/>.
    /// <paramref name="compilation"/> is the exercise compiled as written, its trees named by
    /// <see cref="SourceFile.DisplayPath"/>.
    /// </summary>
    public static IReadOnlyList<CreationOrder> Variants(Compilation compilation, IReadOnlyList<SourceFile> files, int count, int seed)
    {
        var groups = CreationSteps.Find(compilation);
        var choices = Choose(groups, count, seed);
        return [.. choices.Select((choice, i) => new CreationOrder(i + 1, Describe(groups, choice), Rewrite(compilation, files, groups, choice)))];
    }

    /// <summary>The one order there is when the sweep is not asked for others.</summary>
    public static CreationOrder AsWritten(IReadOnlyList<SourceFile> files) => new(1, "as written", files);

    private static List<int[][]> Choose(IReadOnlyList<CreationGroup> groups, int count, int seed)
    {
        // Counting stops past `count`: 10 layers have 3.6 million orders, and only whether there
        // are more than `count` matters.
        var lists = groups.Select(group => group.Orders().Take(count + 1).ToList()).ToList();
        var total = lists.Aggregate(1L, (product, list) => Math.Min(product * list.Count, count + 1L));
        if (total <= count)
        {
            return [.. Enumerable.Range(0, (int)total).Select(index => Combination(lists, index))];
        }

        List<int[][]> chosen = [[.. groups.Select(group => group.AsWritten)]];
        var seen = new HashSet<string>(StringComparer.Ordinal) { Key(chosen[0]) };
        var random = new Random(seed);
        for (var attempt = 0; chosen.Count < count && attempt < 1000 * count; attempt++)
        {
            int[][] candidate = [.. groups.Select(group => group.RandomOrder(random))];
            if (seen.Add(Key(candidate)))
            {
                chosen.Add(candidate);
            }
        }

        return chosen;
    }

    // Mixed radix, the last group fastest: index 0 is every group as written.
    private static int[][] Combination(List<List<int[]>> lists, int index)
    {
        var combination = new int[lists.Count][];
        for (var g = lists.Count - 1; g >= 0; g--)
        {
            combination[g] = lists[g][index % lists[g].Count];
            index /= lists[g].Count;
        }

        return combination;
    }

    private static string Key(int[][] choice) => string.Join("|", choice.Select(order => string.Join(",", order)));

    private static string Describe(IReadOnlyList<CreationGroup> groups, int[][] choice) => groups.Count switch
    {
        0 => "as written (no layers to reorder)",
        1 => groups[0].Describe(choice[0]),
        _ => string.Join("; ", groups.Select((group, g) => $"{group.Owner}: {group.Describe(choice[g])}")),
    };

    private static List<SourceFile> Rewrite(Compilation compilation, IReadOnlyList<SourceFile> files, IReadOnlyList<CreationGroup> groups, int[][] choice)
    {
        // Each movable slot receives the node of the step the order puts there, trivia and all:
        // a comment stays with the statement it explains.
        var moved = new Dictionary<SyntaxNode, SyntaxNode>();
        for (var g = 0; g < groups.Count; g++)
        {
            var group = groups[g];
            for (var k = 0; k < choice[g].Length; k++)
            {
                moved[group.Steps[group.Movable[k]].Node] = group.Steps[group.Movable[choice[g][k]]].Node;
            }
        }

        return [.. files.Select(file =>
        {
            var tree = compilation.SyntaxTrees.Single(tree => tree.FilePath == file.DisplayPath);
            var slots = moved.Keys.Where(node => node.SyntaxTree == tree).ToList();
            return slots.Count == 0
                ? file
                : file with { Text = tree.GetRoot().ReplaceNodes(slots, (slot, _) => moved[slot]).ToFullString() };
        })];
    }
}
