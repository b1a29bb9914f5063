namespace Autograder.Checks;

/// <summary>
/// The classes a learner's Predict returned (exercises 09 and 10), once its shape is checked:
/// class indices as integers, each one of the model's classes.
/// </summary>
internal static class PredictedClasses
{
    public static long[] Read(Tensor predicted, int classes)
    {
        if (predicted.dtype is not (ScalarType.Int64 or ScalarType.Int32))
        {
            throw new CheckFailedException($"Predict returned {predicted.dtype} values; expected class indices as int64 (argmax gives those).");
        }

        using var cpu = predicted.cpu().to_type(ScalarType.Int64);
        var values = cpu.data<long>().ToArray();
        if (values.Any(value => value < 0 || value >= classes))
        {
            throw new CheckFailedException($"Predict returned class {values.First(value => value < 0 || value >= classes)}, outside 0 to {classes - 1}.");
        }

        return values;
    }
}
