using System.Globalization;
using System.Text.Json.Nodes;
using GenAI.Notebooks.Documents;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GenAI.Notebooks.Parameters;

/// <summary>A --param that cannot be applied; the message names the parameter and the notebook.</summary>
public sealed class ParameterException(string message) : Exception(message);

/// <summary>
/// Parameters: the cell tagged "parameters" declares the defaults. An override from the command line
/// replaces the initializer of that declaration in the parameters cell itself, written as a C# literal of
/// the type its name is declared with, exactly as if the learner had edited the cell. Values the cell
/// computes from a parameter (<c>int steps = quick ? 60 : 400;</c>) therefore follow it. (Papermill's
/// convention, a new cell after the parameters cell, would leave such values at their defaults.)
/// The rewritten cell gets the extra tag "injected-parameters" and a first comment line naming the
/// overrides, so the executed copy shows what ran.
/// </summary>
public static class ParameterInjector
{
    public const string ParametersTag = "parameters";
    public const string InjectedTag = "injected-parameters";

    /// <summary>Rewrites the parameters cell; with no overrides the notebook is left as it is.</summary>
    public static void Inject(Notebook notebook, IReadOnlyList<KeyValuePair<string, string>> overrides)
    {
        if (overrides.Count == 0) return;
        var index = notebook.Cells.FindIndex(c => c.Kind == CellKind.Code && c.Tags.Contains(ParametersTag));
        if (index < 0)
            throw new ParameterException(
                $"{notebook.Path}: --param {overrides[0].Key} given, but the notebook has no code cell tagged '{ParametersTag}' to override.");
        var cell = notebook.Cells[index];
        var declared = Declarations(cell.Source);

        var literals = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, text) in overrides)
        {
            if (!declared.TryGetValue(name, out var type))
                throw new ParameterException(
                    $"{notebook.Path}: --param {name}: the parameters cell does not declare '{name}' (it declares: {string.Join(", ", declared.Keys.DefaultIfEmpty("nothing"))}).");
            literals[name] = Literal(name, type, text);
        }
        var header = "// Set by the headless runner: " + string.Join(", ", literals.Select(p => $"{p.Key} = {p.Value}"));
        var metadata = (JsonObject)cell.Metadata.DeepClone();
        var tags = metadata["tags"] as JsonArray ?? new JsonArray();
        tags.Add(InjectedTag);
        metadata["tags"] = tags;
        notebook.Cells[index] = new Cell(CellKind.Code, cell.Id, header + "\n" + WithValues(cell.Source, literals), metadata)
        {
            Attachments = cell.Attachments,
        };
    }

    /// <summary>The source with each named top-level variable's initializer replaced by the given literal; comments and layout kept.</summary>
    public static string WithValues(string source, IReadOnlyDictionary<string, string> literals)
    {
        var root = Parse(source);
        var targets = TopLevelDeclarations(root).SelectMany(d => d.Variables).Where(v => literals.ContainsKey(v.Identifier.Text));
        return root.ReplaceNodes(targets, (original, _) =>
        {
            var value = SyntaxFactory.ParseExpression(literals[original.Identifier.Text]);
            return original.Initializer is { } initializer
                ? original.WithInitializer(initializer.WithValue(value.WithTriviaFrom(initializer.Value)))
                : original.WithIdentifier(original.Identifier.WithTrailingTrivia(SyntaxFactory.Space))
                    .WithInitializer(SyntaxFactory.EqualsValueClause(value.WithLeadingTrivia(SyntaxFactory.Space)));
        }).ToFullString();
    }

    /// <summary>Top-level variables of the parameters cell with their declared type (the literal's type for var).</summary>
    public static Dictionary<string, string> Declarations(string source)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var declaration in TopLevelDeclarations(Parse(source)))
        {
            foreach (var variable in declaration.Variables)
            {
                var type = declaration.Type.IsVar ? LiteralType(variable.Initializer?.Value) : declaration.Type.ToString();
                if (type is not null)
                    result[variable.Identifier.Text] = type;
            }
        }
        return result;
    }

    private static CompilationUnitSyntax Parse(string source) =>
        CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest, kind: SourceCodeKind.Script)).GetCompilationUnitRoot();

    // In a script, top-level declarations parse as fields; accept local declarations too.
    private static IEnumerable<VariableDeclarationSyntax> TopLevelDeclarations(CompilationUnitSyntax root) =>
        root.Members.OfType<FieldDeclarationSyntax>().Select(f => f.Declaration)
            .Concat(root.Members.OfType<GlobalStatementSyntax>().Select(g => g.Statement)
                .OfType<LocalDeclarationStatementSyntax>().Select(l => l.Declaration));

    private static string? LiteralType(ExpressionSyntax? value) => value switch
    {
        LiteralExpressionSyntax { Token.Value: { } literal } => literal switch
        {
            bool => "bool", int => "int", long => "long", double => "double", float => "float", string => "string", _ => null,
        },
        PrefixUnaryExpressionSyntax { Operand: var operand } when value.IsKind(SyntaxKind.UnaryMinusExpression) => LiteralType(operand),
        _ => null,
    };

    /// <summary>The command-line text as a C# literal of the declared type, or an error naming both.</summary>
    public static string Literal(string name, string type, string text)
    {
        var invariant = CultureInfo.InvariantCulture;
        string? literal = type switch
        {
            "bool" or "Boolean" or "System.Boolean" => bool.TryParse(text, out var b) ? (b ? "true" : "false") : null,
            "int" or "Int32" or "System.Int32" => int.TryParse(text, NumberStyles.Integer, invariant, out var i) ? i.ToString(invariant) : null,
            "long" or "Int64" or "System.Int64" => long.TryParse(text, NumberStyles.Integer, invariant, out var l) ? l.ToString(invariant) + "L" : null,
            "double" or "Double" or "System.Double" => double.TryParse(text, NumberStyles.Float, invariant, out var d) && double.IsFinite(d)
                ? d.ToString("R", invariant) + "d" : null,
            "float" or "Single" or "System.Single" => float.TryParse(text, NumberStyles.Float, invariant, out var f) && float.IsFinite(f)
                ? f.ToString("R", invariant) + "f" : null,
            "string" or "String" or "System.String" => SymbolDisplay.FormatLiteral(text, quote: true),
            _ => throw new ParameterException($"--param {name}: '{name}' is declared as {type}; only bool, int, long, double, float and string parameters can be set from the command line."),
        };
        return literal ?? throw new ParameterException($"--param {name}={text}: '{text}' is not a valid {type}.");
    }
}
