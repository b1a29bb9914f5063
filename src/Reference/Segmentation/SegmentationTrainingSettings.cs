namespace Autograder.Reference.Segmentation;

/// <summary>How <see cref="ISegmenter.Train"/> trains: the checks choose these, the network is yours.</summary>
public sealed record SegmentationTrainingSettings
{
    /// <summary>Passes over the training set.</summary>
    public int Epochs { get; init; } = 10;

    /// <summary>Images per mini-batch (the last batch of an epoch may be smaller).</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>Learning rate for Adam.</summary>
    public double LearningRate { get; init; } = 0.01;

    /// <summary>Seed for the order of the mini-batches: the same seed gives the same run.</summary>
    public int Seed { get; init; }
}
