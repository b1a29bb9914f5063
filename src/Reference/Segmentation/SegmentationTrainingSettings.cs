using Autograder.Reference.Training;

namespace Autograder.Reference.Segmentation;

/// <summary>How <see cref="ISegmenter.Train"/> trains: the checks choose these, the network is yours.</summary>
public sealed record SegmentationTrainingSettings() : MiniBatchSettings(batchSize: 32, learningRate: 0.01);
