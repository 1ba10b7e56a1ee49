using GenAI.Agents;

namespace GenAI.Tests.Agents;

public class CalculatorTests
{
    [Theory]
    [InlineData("47+83-12", 118)]
    [InlineData("2+3*4", 14)]          // * before +
    [InlineData("(2+3)*4", 20)]
    [InlineData("10-4-3", 3)]          // left to right
    [InlineData("-5+2", -3)]
    [InlineData("7/2", 3.5)]
    [InlineData(" 1.5 * 4 ", 6)]
    public void Evaluates_with_the_usual_precedence(string expression, double expected) =>
        Assert.Equal((decimal)expected, Calculator.Evaluate(expression));

    [Fact]
    public void The_tool_method_returns_the_value_as_invariant_text() => Assert.Equal("3.5", Calculator.Calculate("7/2"));

    [Fact]
    public void A_malformed_expression_names_the_position()
    {
        var e = Assert.Throws<FormatException>(() => Calculator.Evaluate("12+*3"));
        Assert.Contains("position 3", e.Message);
        Assert.Contains("Unexpected ')'", Assert.Throws<FormatException>(() => Calculator.Evaluate("1+2)")).Message);
        Assert.Contains("empty", Assert.Throws<FormatException>(() => Calculator.Evaluate(" ")).Message);
    }

    [Fact]
    public void Division_by_zero_says_so() =>
        Assert.Contains("Division by zero", Assert.Throws<DivideByZeroException>(() => Calculator.Evaluate("4/(2-2)")).Message);
}
