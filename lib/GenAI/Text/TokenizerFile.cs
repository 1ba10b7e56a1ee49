using System.Text.Json;
using System.Text.Json.Serialization;

namespace GenAI.Text;

/// <summary>
/// The on-disk form of a tokenizer: one human-readable JSON file with the kind, the special
/// tokens, the vocabulary in id order and, for BPE, the merges in the order they were learned.
/// Loading checks the file thoroughly, because a tokenizer that silently maps text to the wrong
/// ids makes a trained model produce garbage.
/// </summary>
public static class TokenizerFile
{
    const string FormatName = "genai-tokenizer";
    const int FormatVersion = 1;

    static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    sealed record SpecialsModel(string? Pad, string? Unk, string? Bos, string? Eos, string? Mask);

    sealed record FileModel(
        string? Format,
        int Version,
        string? Kind,
        SpecialsModel? Specials,
        string[]? Vocabulary,
        string[][]? Merges,
        bool? Lowercase);

    public static void Save(Tokenizer tokenizer, string path)
    {
        ArgumentNullException.ThrowIfNull(tokenizer);
        ArgumentException.ThrowIfNullOrEmpty(path);
        var s = tokenizer.Specials;
        var model = new FileModel(
            FormatName,
            FormatVersion,
            tokenizer.Kind,
            new SpecialsModel(s.Pad, s.Unk, s.Bos, s.Eos, s.Mask),
            tokenizer.Vocabulary.Tokens.ToArray(),
            tokenizer is BpeTokenizer bpe ? bpe.Merges.Select(m => new[] { m.Left, m.Right }).ToArray() : null,
            tokenizer is WordTokenizer word ? word.Lowercase : null);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null) Directory.CreateDirectory(directory);
        File.WriteAllText(path, JsonSerializer.Serialize(model, Options));
    }

    public static Tokenizer Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path)) throw new FileNotFoundException($"Tokenizer file '{path}' does not exist.", path);
        FileModel? model;
        try
        {
            model = JsonSerializer.Deserialize<FileModel>(File.ReadAllText(path), Options);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"Tokenizer file '{path}' is not valid JSON: {e.Message}", e);
        }
        if (model is null || model.Format != FormatName)
            throw new InvalidDataException($"Tokenizer file '{path}' is not a {FormatName} file (its \"format\" field is '{model?.Format}').");
        if (model.Version != FormatVersion)
            throw new InvalidDataException($"Tokenizer file '{path}' has format version {model.Version}; this library reads version {FormatVersion}.");
        if (model.Vocabulary is null) throw new InvalidDataException($"Tokenizer file '{path}' has no \"vocabulary\".");
        var sm = model.Specials;
        var specials = sm is null ? SpecialTokens.None : new SpecialTokens(sm.Pad, sm.Unk, sm.Bos, sm.Eos, sm.Mask);
        try
        {
            var vocabulary = new Vocabulary(model.Vocabulary);
            return model.Kind switch
            {
                "char" => new CharTokenizer(vocabulary, specials),
                "word" => new WordTokenizer(vocabulary, specials, model.Lowercase ?? true),
                "bpe" => new BpeTokenizer(vocabulary, specials, ReadMerges(model.Merges, path)),
                _ => throw new InvalidDataException($"Tokenizer file '{path}' has unknown kind '{model.Kind}' (expected char, word or bpe)."),
            };
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"Tokenizer file '{path}' is inconsistent: {e.Message}", e);
        }
    }

    static IEnumerable<(string, string)> ReadMerges(string[][]? merges, string path)
    {
        if (merges is null) throw new InvalidDataException($"BPE tokenizer file '{path}' has no \"merges\".");
        return merges.Select((m, i) => m is { Length: 2 } && m[0] is not null && m[1] is not null
            ? (m[0], m[1])
            : throw new InvalidDataException($"BPE tokenizer file '{path}': merge {i} is not a pair of two strings."));
    }
}
