using Microsoft.CodeAnalysis;

namespace Autograder.Tools.SeedSweep;

/// <summary>
/// One statement (or field declaration) that creates a layer or parameter and stores it in a
/// field or property. <see cref="Writes"/> and <see cref="Reads"/> are identifiers, which is
/// enough to keep a statement after one that assigns what it reads.
/// </summary>
internal sealed record CreationStep(SyntaxNode Node, string Name, IReadOnlySet<string> Writes, IReadOnlySet<string> Reads, bool DrawsRandomNumbers)
{
    /// <summary>Whether the two must keep their relative order: one reads or writes what the other writes.</summary>
    public bool ConflictsWith(CreationStep other) =>
        Writes.Overlaps(other.Reads) || Reads.Overlaps(other.Writes) || Writes.Overlaps(other.Writes);
}

/// <summary>
/// Consecutive creation steps of one Module subclass: the statements of a constructor that create
/// its layers one after the other, or its field declarations that create layers in their
/// initialisers. Steps that draw random numbers (<see cref="Movable"/>) may trade places; the
/// others (a ReLU, a dropout, a batch norm: their creation draws nothing from the generator, so
/// moving them would not change the initialisation) stay where they are.
/// </summary>
/// <remarks>
/// An order is a permutation <c>o</c> of <c>0 .. Movable.Count - 1</c>: the movable slot
/// <c>Movable[k]</c> gets the step <c>Movable[o[k]]</c>. The identity is the order as written.
/// </remarks>
internal sealed class CreationGroup(string owner, IReadOnlyList<CreationStep> steps)
{
    // Shuffles tried for one random order before settling for the order as written: only
    // dependencies between steps reject a shuffle, and the course's networks have none.
    private const int ShuffleAttempts = 1000;

    public string Owner { get; } = owner;

    public IReadOnlyList<CreationStep> Steps { get; } = steps;

    public IReadOnlyList<int> Movable { get; } = [.. Enumerable.Range(0, steps.Count).Where(i => steps[i].DrawsRandomNumbers)];

    public int[] AsWritten => [.. Enumerable.Range(0, Movable.Count)];

    /// <summary>Whether the order keeps every step after the steps it depends on (by identifier).</summary>
    public bool Allows(IReadOnlyList<int> order)
    {
        var position = Enumerable.Range(0, Steps.Count).ToArray();
        for (var k = 0; k < order.Count; k++)
        {
            position[Movable[order[k]]] = Movable[k];
        }

        for (var i = 0; i < Steps.Count; i++)
        {
            for (var j = i + 1; j < Steps.Count; j++)
            {
                if (position[i] > position[j] && Steps[i].ConflictsWith(Steps[j]))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>Every allowed order, in lexicographic order (so the order as written comes first).</summary>
    public IEnumerable<int[]> Orders() => Permutations([], new bool[Movable.Count]).Where(Allows);

    /// <summary>A uniformly shuffled allowed order, or the order as written when none is found.</summary>
    public int[] RandomOrder(Random random)
    {
        for (var attempt = 0; attempt < ShuffleAttempts; attempt++)
        {
            var order = AsWritten;
            random.Shuffle(order);
            if (Allows(order))
            {
                return order;
            }
        }

        return AsWritten;
    }

    /// <summary>The movable steps' names in the order they are created.</summary>
    public string Describe(IReadOnlyList<int> order) => string.Join(", ", order.Select(k => Steps[Movable[k]].Name));

    private IEnumerable<int[]> Permutations(List<int> prefix, bool[] used)
    {
        if (prefix.Count == used.Length)
        {
            yield return [.. prefix];
            yield break;
        }

        for (var next = 0; next < used.Length; next++)
        {
            if (used[next])
            {
                continue;
            }

            used[next] = true;
            prefix.Add(next);
            foreach (var permutation in Permutations(prefix, used))
            {
                yield return permutation;
            }

            prefix.RemoveAt(prefix.Count - 1);
            used[next] = false;
        }
    }
}
