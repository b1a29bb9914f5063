using System.Globalization;
using Autograder.Grader.Compile;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Autograder.Tools.Mutate;

/// <summary>
/// The mutants of one file, from its syntax alone: operator swaps, sign and negation removal,
/// literal changes, boolean flips, dropped statements, break/continue swaps. A mutant that does
/// not type-check (string minus string, say) is found stillborn by the compiler later.
/// </summary>
internal static class MutantGenerator
{
    private static readonly Dictionary<string, string> OperatorSwaps = new()
    {
        ["+"] = "-", ["-"] = "+", ["*"] = "/", ["/"] = "*", ["<"] = "<=", ["<="] = "<", [">"] = ">=", [">="] = ">",
        ["=="] = "!=", ["!="] = "==", ["&&"] = "||", ["||"] = "&&",
        ["+="] = "-=", ["-="] = "+=", ["*="] = "/=", ["/="] = "*=",
    };

    public static IEnumerable<Mutant> Of(SourceFile file)
    {
        var tree = CSharpSyntaxTree.ParseText(file.Text, path: file.DisplayPath);
        var mutants = new List<Mutant>();
        void Add(TextSpan span, string kind, string from, string to, string replacement)
        {
            var start = tree.GetLineSpan(span).StartLinePosition;
            mutants.Add(new Mutant(file.DisplayPath, start.Line + 1, start.Character + 1, kind, from, to, span, replacement));
        }

        foreach (var node in tree.GetRoot().DescendantNodes())
        {
            if (node.Ancestors().Any(ancestor => ancestor is AttributeListSyntax))
            {
                continue;
            }

            switch (node)
            {
                case BinaryExpressionSyntax binary when OperatorSwaps.TryGetValue(binary.OperatorToken.Text, out var to) && !IsText(binary):
                    Add(binary.OperatorToken.Span, "operator", binary.OperatorToken.Text, to, to);
                    break;
                case AssignmentExpressionSyntax assignment when OperatorSwaps.TryGetValue(assignment.OperatorToken.Text, out var to):
                    Add(assignment.OperatorToken.Span, "operator", assignment.OperatorToken.Text, to, to);
                    break;
                case PrefixUnaryExpressionSyntax unary when unary.IsKind(SyntaxKind.UnaryMinusExpression) || unary.IsKind(SyntaxKind.LogicalNotExpression):
                    Add(unary.Span, "unary", unary.OperatorToken.Text + "x", "x", $"({unary.Operand})");
                    break;
                case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.NumericLiteralExpression):
                    if (ChangedLiteral(literal.Token) is { } changed)
                    {
                        Add(literal.Span, "literal", literal.Token.Text, changed, changed);
                    }

                    break;
                case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.TrueLiteralExpression) || literal.IsKind(SyntaxKind.FalseLiteralExpression):
                    var flipped = literal.IsKind(SyntaxKind.TrueLiteralExpression) ? "false" : "true";
                    Add(literal.Span, "boolean", literal.Token.Text, flipped, flipped);
                    break;
                case ExpressionStatementSyntax statement:
                    Add(statement.Span, "drop", Short(statement), "nothing", "{ }");
                    break;
                case StatementSyntax statement when InLoopBody(statement) && Droppable(statement):
                    Add(statement.Span, "drop-in-loop", Short(statement), "nothing", "{ }");
                    break;
                case BreakStatementSyntax:
                    Add(node.Span, "jump", "break", "continue", "continue;");
                    break;
                case ContinueStatementSyntax:
                    Add(node.Span, "jump", "continue", "break", "break;");
                    break;
            }
        }

        return mutants.DistinctBy(mutant => mutant.Id);
    }

    /// <summary>0 and 1 swap, other whole numbers grow by one; other numbers change sign (0.0 becomes 1.0).</summary>
    private static string? ChangedLiteral(SyntaxToken token)
    {
        var text = token.Text;
        if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) || text.StartsWith("0b", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var suffix = new string([.. text.Reverse().TakeWhile(char.IsLetter).Reverse()]);
        return token.Value switch
        {
            int or long or uint or ulong => Convert.ToDecimal(token.Value, CultureInfo.InvariantCulture) switch
            {
                0 => "1" + suffix,
                1 => "0" + suffix,
                var n => (n + 1).ToString(CultureInfo.InvariantCulture) + suffix,
            },
            double or float or decimal when Convert.ToDouble(token.Value, CultureInfo.InvariantCulture) == 0 => "1.0" + suffix,
            double or float or decimal => $"(-{text})",
            _ => null,
        };
    }

    private static bool IsText(BinaryExpressionSyntax binary) =>
        binary.OperatorToken.Text == "+" && (IsTextLiteral(binary.Left) || IsTextLiteral(binary.Right));

    private static bool IsTextLiteral(ExpressionSyntax expression) =>
        expression is InterpolatedStringExpressionSyntax || expression.IsKind(SyntaxKind.StringLiteralExpression) || expression.IsKind(SyntaxKind.CharacterLiteralExpression);

    private static bool InLoopBody(StatementSyntax statement) =>
        statement.Parent is BlockSyntax { Parent: ForStatementSyntax or ForEachStatementSyntax or WhileStatementSyntax or DoStatementSyntax };

    /// <summary>Statements whose removal is a plausible mistake: not declarations, nothing that returns.</summary>
    private static bool Droppable(StatementSyntax statement) =>
        statement is not (ExpressionStatementSyntax or LocalDeclarationStatementSyntax or LocalFunctionStatementSyntax or BlockSyntax or BreakStatementSyntax or ContinueStatementSyntax)
        && !statement.DescendantNodesAndSelf().Any(node => node is ReturnStatementSyntax or YieldStatementSyntax or ThrowStatementSyntax);

    private static string Short(SyntaxNode node)
    {
        var text = string.Join(' ', node.ToString().Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
        text = text.Replace("#", "", StringComparison.Ordinal);
        return text.Length <= 40 ? $"`{text}`" : $"`{text[..37]}...`";
    }
}
