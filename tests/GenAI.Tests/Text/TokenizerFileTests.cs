using GenAI.Text;

namespace GenAI.Tests.Text;

public sealed class TokenizerFileTests : IDisposable
{
    const string Text = "The cat sat on the mat. The dog sat on the log! Cats and dogs.";
    readonly string _folder = Directory.CreateTempSubdirectory("genai-tokenizer-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    public static TheoryData<string> Kinds => new() { "char", "word", "bpe" };

    static Tokenizer Make(string kind) => kind switch
    {
        "char" => CharTokenizer.Train(Text),
        "word" => WordTokenizer.Train(Text, lowercase: false),
        _ => BpeTokenizer.Train(Text, vocabSize: 60, new SpecialTokens(Bos: "<s>", Eos: "</s>", Mask: null)),
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Saved_tokenizer_loads_back_with_identical_behaviour(string kind)
    {
        var original = Make(kind);
        string path = Path.Combine(_folder, kind + ".json");
        original.Save(path);
        var loaded = Tokenizer.Load(path);

        Assert.Equal(original.GetType(), loaded.GetType());
        Assert.Equal(original.Vocabulary.Tokens, loaded.Vocabulary.Tokens);
        Assert.Equal(original.Specials, loaded.Specials);
        Assert.Equal(original.Encode(Text, addBos: true, addEos: true), loaded.Encode(Text, addBos: true, addEos: true));
        if (original is BpeTokenizer bpe) Assert.Equal(bpe.Merges, ((BpeTokenizer)loaded).Merges);
        if (original is WordTokenizer word) Assert.Equal(word.Lowercase, ((WordTokenizer)loaded).Lowercase);
    }

    [Fact]
    public void Missing_file_is_an_error_naming_it()
    {
        string path = Path.Combine(_folder, "nope.json");
        var error = Assert.Throws<FileNotFoundException>(() => Tokenizer.Load(path));
        Assert.Contains(path, error.Message);
    }

    [Fact]
    public void A_file_that_is_not_json_is_an_error_naming_it()
    {
        string path = Path.Combine(_folder, "broken.json");
        File.WriteAllText(path, "{ this is not json");
        var error = Assert.Throws<InvalidDataException>(() => Tokenizer.Load(path));
        Assert.Contains(path, error.Message);
        Assert.Contains("not valid JSON", error.Message);
    }

    [Fact]
    public void A_merge_using_an_unknown_token_is_an_error_naming_the_merge()
    {
        string path = Path.Combine(_folder, "bpe.json");
        Make("bpe").Save(path);
        // Drop the vocabulary's last entry: the last merge now produces a token the file does not list.
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(path))!;
        var vocabulary = json["vocabulary"]!.AsArray();
        vocabulary.RemoveAt(vocabulary.Count - 1);
        File.WriteAllText(path, json.ToJsonString());
        var error = Assert.Throws<InvalidDataException>(() => Tokenizer.Load(path));
        Assert.Contains(path, error.Message);
        Assert.Contains("missing from the vocabulary", error.Message);
    }

    [Fact]
    public void An_unknown_kind_is_an_error()
    {
        string path = Path.Combine(_folder, "kind.json");
        Make("char").Save(path);
        File.WriteAllText(path, File.ReadAllText(path).Replace("\"kind\": \"char\"", "\"kind\": \"sentencepiece\""));
        var error = Assert.Throws<InvalidDataException>(() => Tokenizer.Load(path));
        Assert.Contains("unknown kind 'sentencepiece'", error.Message);
    }
}
