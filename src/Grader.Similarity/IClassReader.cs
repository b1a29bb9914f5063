namespace Autograder.Grader.Similarity;

/// <summary>
/// Reads a class dir into students' work. Similarity needs only the sources, so any intake
/// (plain folders today, the batch's archives and export names when it lands) fits behind this.
/// </summary>
public interface IClassReader
{
    ClassWork Read(string classDir);
}
