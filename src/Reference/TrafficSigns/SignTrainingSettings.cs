using Autograder.Reference.Training;

namespace Autograder.Reference.TrafficSigns;

/// <summary>How <see cref="ISignClassifier.Train"/> trains: the checks choose these, the network is yours.</summary>
public sealed record SignTrainingSettings() : MiniBatchSettings(batchSize: 64, learningRate: 0.005);
