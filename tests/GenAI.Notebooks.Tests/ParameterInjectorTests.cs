using GenAI.Notebooks.Parameters;

namespace GenAI.Notebooks.Tests;

public sealed class ParameterInjectorTests
{
    [Fact]
    public void Declarations_are_read_from_the_syntax_tree_including_var_literals()
    {
        var declared = ParameterInjector.Declarations("bool quick = false; // comment\nint a = 1, b = 2;\nvar lr = -3e-4;\nvar name = \"x\";\nConsole.WriteLine(a);");
        Assert.Equal(new Dictionary<string, string> { ["quick"] = "bool", ["a"] = "int", ["b"] = "int", ["lr"] = "double", ["name"] = "string" }, declared);
    }

    [Theory]
    [InlineData("bool", "True", "true")]
    [InlineData("int", "-12", "-12")]
    [InlineData("long", "5000000000", "5000000000L")]
    [InlineData("double", "1e-3", "0.001d")]
    [InlineData("float", "0.5", "0.5f")]
    [InlineData("string", "a\\b\n", "\"a\\\\b\\n\"")]
    public void Values_become_literals_of_the_declared_type(string type, string text, string literal)
    {
        Assert.Equal(literal, ParameterInjector.Literal("p", type, text));
    }

    [Fact]
    public void Value_that_does_not_parse_as_the_declared_type_is_an_error_naming_both()
    {
        var error = Assert.Throws<ParameterException>(() => ParameterInjector.Literal("epochs", "int", "abc"));
        Assert.Equal("--param epochs=abc: 'abc' is not a valid int.", error.Message);
    }

    [Fact]
    public void Unsupported_declared_type_is_an_error()
    {
        var error = Assert.Throws<ParameterException>(() => ParameterInjector.Literal("shape", "int[]", "1"));
        Assert.StartsWith("--param shape: 'shape' is declared as int[]", error.Message);
    }
}
