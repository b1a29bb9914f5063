namespace Autograder.Grader.Cli;

/// <summary>
/// Stands in for <c>ClassPublisher.Publish(outDir)</c> of src/Grader.Publish (the publish branch)
/// until the two branches are merged; the lead replaces the one call in BatchCommand and deletes
/// this file.
/// </summary>
internal static class PublishStub
{
    public static void Publish(string outDir)
    {
    }
}
