using System.Linq;

namespace Autograder.Reference.Data;

/// <summary>
/// Truth tables of two-input boolean functions, inputs 0 or 1. AND, OR and NAND are linearly
/// separable; XOR is not, which is why a single perceptron cannot learn it.
/// </summary>
public static class BooleanFunctions
{
    private static readonly double[][] Corners = [[0, 0], [0, 1], [1, 0], [1, 1]];

    /// <summary>1 only when both inputs are 1.</summary>
    public static ClassificationSet And => Table(0, 0, 0, 1);

    /// <summary>1 when at least one input is 1.</summary>
    public static ClassificationSet Or => Table(0, 1, 1, 1);

    /// <summary>0 only when both inputs are 1.</summary>
    public static ClassificationSet Nand => Table(1, 1, 1, 0);

    /// <summary>1 when exactly one input is 1: not linearly separable.</summary>
    public static ClassificationSet Xor => Table(0, 1, 1, 0);

    private static ClassificationSet Table(int f00, int f01, int f10, int f11) =>
        new([.. Corners.Select(corner => (double[])corner.Clone())], [f00, f01, f10, f11]);
}
