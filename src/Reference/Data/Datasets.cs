using System;

namespace Autograder.Reference.Data;

/// <summary>Inputs with a class label each (0 or 1 for two classes).</summary>
/// <param name="Inputs">One row per example.</param>
/// <param name="Labels">The class of each row.</param>
public sealed record ClassificationSet(double[][] Inputs, int[] Labels)
{
    /// <summary>Number of examples.</summary>
    public int Count => Labels.Length;

    /// <summary>The labels as doubles (0.0 or 1.0), the form a loss function takes.</summary>
    public double[] Targets => Array.ConvertAll(Labels, label => (double)label);

    /// <summary>The first <paramref name="count"/> examples and the rest, in order.</summary>
    public (ClassificationSet First, ClassificationSet Remaining) Split(int count) =>
        (new ClassificationSet(Inputs[..count], Labels[..count]),
         new ClassificationSet(Inputs[count..], Labels[count..]));
}

/// <summary>Inputs with a real-valued target each.</summary>
/// <param name="Inputs">One row per example.</param>
/// <param name="Targets">The value to predict for each row.</param>
public sealed record RegressionSet(double[][] Inputs, double[] Targets)
{
    /// <summary>Number of examples.</summary>
    public int Count => Targets.Length;
}
