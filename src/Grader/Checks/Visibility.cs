namespace Autograder.Grader.Checks;

/// <summary>Who may see a check: learners run visible checks; hidden ones only the grader runs.</summary>
public enum Visibility
{
    Visible,
    Hidden,
}
