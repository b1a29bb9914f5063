namespace Autograder.Grader.Similarity;

/// <summary>
/// Reads a class dir into students' work. Similarity needs only the sources; the runner uses
/// <see cref="ClassIntakeReader"/> (the batch's own intake), tests may pass another.
/// </summary>
public interface IClassReader
{
    ClassWork Read(string classDir);
}
