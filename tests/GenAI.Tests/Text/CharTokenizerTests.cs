using GenAI.Text;

namespace GenAI.Tests.Text;

public class CharTokenizerTests
{
    [Fact]
    public void Vocabulary_is_special_tokens_then_characters_in_code_point_order()
    {
        var tokenizer = CharTokenizer.Train("hello");
        Assert.Equal(["<pad>", "<unk>", "<bos>", "<eos>", "<mask>", "e", "h", "l", "o"], tokenizer.Vocabulary.Tokens);
        Assert.Equal(0, tokenizer.PadId);
        Assert.Equal(1, tokenizer.UnkId);
        Assert.Equal(2, tokenizer.BosId);
        Assert.Equal(3, tokenizer.EosId);
        Assert.Equal(4, tokenizer.MaskId);
    }

    [Fact]
    public void Encodes_each_character_to_its_id_and_decodes_back()
    {
        var tokenizer = CharTokenizer.Train("hello");
        // h=6 e=5 l=7 l=7 o=8 (see the vocabulary order above)
        Assert.Equal([6L, 5, 7, 7, 8], tokenizer.Encode("hello"));
        Assert.Equal("hello", tokenizer.Decode([6L, 5, 7, 7, 8]));
        Assert.Equal([2L, 6, 5, 7, 7, 8, 3], tokenizer.Encode("hello", addBos: true, addEos: true));
        Assert.Equal("hello", tokenizer.Decode(tokenizer.Encode("hello", addBos: true, addEos: true), skipSpecialTokens: true));
    }

    [Fact]
    public void Unseen_characters_become_the_unknown_token()
    {
        var tokenizer = CharTokenizer.Train("hello");
        Assert.Equal([6L, 1, 8], tokenizer.Encode("hzo"));
        Assert.Equal("h<unk>o", tokenizer.Decode(tokenizer.Encode("hzo")));
    }

    [Fact]
    public void Without_an_unknown_token_an_unseen_character_is_a_clear_error()
    {
        var tokenizer = CharTokenizer.Train("abc", SpecialTokens.None);
        var error = Assert.Throws<ArgumentException>(() => tokenizer.Encode("abz"));
        Assert.Contains("'z'", error.Message);
        Assert.Contains("no unknown token", error.Message);
    }

    [Fact]
    public void Special_tokens_written_in_the_text_are_recognised()
    {
        var tokenizer = CharTokenizer.Train("hello");
        Assert.Equal([6L, 4, 8], tokenizer.Encode("h<mask>o"));
        Assert.Equal(["h", "<mask>", "o"], tokenizer.Tokenize("h<mask>o"));
        // ... unless asked not to: then '<' and 'm' are just unknown characters.
        Assert.Equal(8, tokenizer.Encode("h<mask>o", parseSpecialTokens: false).Length);
    }

    [Fact]
    public void Names_convention_uses_one_boundary_token_with_id_zero()
    {
        var tokenizer = CharTokenizer.Train(["emma", "ava"], SpecialTokens.Boundary("."));
        Assert.Equal([".", "a", "e", "m", "v"], tokenizer.Vocabulary.Tokens);
        Assert.Equal(0, tokenizer.BosId);
        Assert.Equal(0, tokenizer.EosId);
        Assert.Null(tokenizer.UnkId);
        Assert.Equal([0L, 2, 3, 3, 1, 0], tokenizer.Encode("emma", addBos: true, addEos: true));
        Assert.Equal(".emma.", tokenizer.Decode([0L, 2, 3, 3, 1, 0]));
    }

    [Fact]
    public void A_character_outside_the_basic_plane_is_one_token()
    {
        var tokenizer = CharTokenizer.Train("a😀b", SpecialTokens.None);
        Assert.Equal(3, tokenizer.VocabSize);
        Assert.Equal(3, tokenizer.Encode("a😀b").Length);
        Assert.Equal("a😀b", tokenizer.Decode(tokenizer.Encode("a😀b")));
    }

    [Fact]
    public void Adding_a_missing_role_is_an_error_naming_it()
    {
        var tokenizer = CharTokenizer.Train("abc", SpecialTokens.None);
        var error = Assert.Throws<InvalidOperationException>(() => tokenizer.Encode("abc", addBos: true));
        Assert.Contains("Bos", error.Message);
    }

    [Fact]
    public void Decoding_an_id_outside_the_vocabulary_names_it()
    {
        var tokenizer = CharTokenizer.Train("abc");
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => tokenizer.Decode([0L, 42]));
        Assert.Contains("42", error.Message);
        Assert.Contains("0..7", error.Message);
    }

    [Fact]
    public void Round_trips_a_text_with_punctuation_and_line_breaks()
    {
        const string text = "It is a truth universally acknowledged,\nthat a single man... must be in want of a wife!";
        var tokenizer = CharTokenizer.Train(text);
        Assert.Equal(text, tokenizer.Decode(tokenizer.Encode(text)));
    }

    [Fact]
    public void Summary_names_kind_size_and_first_tokens()
    {
        var tokenizer = CharTokenizer.Train(["ab\n"], SpecialTokens.Boundary("."));
        Assert.Equal("CharTokenizer (char, 4 tokens: '.', '\\n', 'a', 'b')", tokenizer.ToString());
    }

    [Fact]
    public void Several_different_special_tokens_in_one_text_are_all_recognised_in_order()
    {
        var tokenizer = CharTokenizer.Train("ab");
        // <bos>=2 a=5 <mask>=4 b=6 <mask>=4 a=5 <eos>=3 <pad>=0
        Assert.Equal([2L, 5, 4, 6, 4, 5, 3, 0], tokenizer.Encode("<bos>a<mask>b<mask>a<eos><pad>"));
        string many = string.Concat(Enumerable.Repeat("a<mask>", 2000));
        Assert.Equal(4000, tokenizer.Encode(many).Length);
        Assert.Equal(many, tokenizer.Decode(tokenizer.Encode(many)));
    }
}
