using System.ComponentModel;
using System.Globalization;

namespace GenAI.Agents;

/// <summary>
/// The agent's calculator: + - * / and parentheses over decimal numbers, by recursive descent (the usual
/// grammar: expression = term (('+'|'-') term)*, term = factor (('*'|'/') factor)*, factor = number | '-' factor | '(' expression ')').
/// A malformed expression throws a <see cref="FormatException"/> that names the position and what was expected,
/// which the ReAct loop turns into an observation for the model.
/// </summary>
public static class Calculator
{
    /// <summary>The tool method: its name, description and parameter become the AIFunction's JSON schema.</summary>
    [Description("Evaluates an arithmetic expression with + - * / and parentheses, and returns the value.")]
    public static string Calculate([Description("the expression, for example 47+83-12")] string expression)
    {
        var value = Evaluate(expression);
        return value.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The value of <paramref name="expression"/>.</summary>
    public static decimal Evaluate(string expression)
    {
        if (string.IsNullOrWhiteSpace(expression)) throw new FormatException("The expression is empty; give one such as 47+83-12.");
        var p = new Parser(expression);
        var value = p.Expression();
        p.SkipSpaces();
        if (!p.AtEnd) throw new FormatException($"Unexpected '{expression[p.Position]}' at position {p.Position} of \"{expression}\".");
        return value;
    }

    sealed class Parser(string text)
    {
        public int Position;
        public bool AtEnd => Position >= text.Length;

        public void SkipSpaces() { while (!AtEnd && char.IsWhiteSpace(text[Position])) Position++; }

        bool Take(char c)
        {
            SkipSpaces();
            if (!AtEnd && text[Position] == c) { Position++; return true; }
            return false;
        }

        public decimal Expression()
        {
            var value = Term();
            while (true)
            {
                if (Take('+')) value += Term();
                else if (Take('-')) value -= Term();
                else return value;
            }
        }

        decimal Term()
        {
            var value = Factor();
            while (true)
            {
                if (Take('*')) value *= Factor();
                else if (Take('/'))
                {
                    int at = Position;
                    var divisor = Factor();
                    if (divisor == 0) throw new DivideByZeroException($"Division by zero at position {at} of \"{text}\".");
                    value /= divisor;
                }
                else return value;
            }
        }

        decimal Factor()
        {
            SkipSpaces();
            if (Take('-')) return -Factor();
            if (Take('('))
            {
                var inner = Expression();
                if (!Take(')')) throw new FormatException($"Expected ')' at position {Position} of \"{text}\".");
                return inner;
            }
            int start = Position;
            while (!AtEnd && (char.IsDigit(text[Position]) || text[Position] == '.')) Position++;
            if (start == Position)
                throw new FormatException(AtEnd ? $"Expected a number at the end of \"{text}\"." : $"Expected a number at position {start} of \"{text}\", found '{text[start]}'.");
            return decimal.Parse(text[start..Position], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        }
    }
}
