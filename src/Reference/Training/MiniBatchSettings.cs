namespace Autograder.Reference.Training;

/// <summary>
/// How an image model's Train runs Adam over shuffled mini-batches (exercises 09 and 10): the checks
/// choose these, the network is yours.
/// </summary>
public abstract record MiniBatchSettings
{
    /// <summary>Sets the defaults that differ between the exercises.</summary>
    protected MiniBatchSettings(int batchSize, double learningRate)
    {
        BatchSize = batchSize;
        LearningRate = learningRate;
    }

    /// <summary>Passes over the training set.</summary>
    public int Epochs { get; init; } = 10;

    /// <summary>Images per mini-batch (the last batch of an epoch may be smaller).</summary>
    public int BatchSize { get; init; }

    /// <summary>Learning rate for Adam.</summary>
    public double LearningRate { get; init; }

    /// <summary>Seed for the order of the mini-batches: the same seed gives the same run.</summary>
    public int Seed { get; init; }
}
