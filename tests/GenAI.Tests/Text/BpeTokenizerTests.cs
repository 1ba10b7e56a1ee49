using GenAI.Text;

namespace GenAI.Tests.Text;

public class BpeTokenizerTests
{
    // Worked by hand. Words and counts: hug 10, pug 5, pun 12, bun 4, hugs 5; alphabet b g h n p s u.
    // Pair counts at the start: ug 10+5+5 = 20, pu 5+12 = 17, un 12+4 = 16, hu 10+5 = 15, gs 5, bu 4.
    //  1. u+g (20)   -> h ug, p ug, p u n, b u n, h ug s.   Pairs: un 16, h-ug 15, pu 12, p-ug 5, ug-s 5, bu 4
    //  2. u+n (16)   -> h ug, p ug, p un, b un, h ug s.     Pairs: h-ug 15, p-un 12, p-ug 5, ug-s 5, b-un 4
    //  3. h+ug (15)  -> hug, p ug, p un, b un, hug s.       Pairs: p-un 12, p-ug 5, hug-s 5, b-un 4
    //  4. p+un (12)  -> hug, p ug, pun, b un, hug s.        Pairs: p-ug 5, hug-s 5, b-un 4
    //  5. hug+s (5)  ties with p+ug (5); "hug" sorts before "p", so hug+s goes first.
    //  6. p+ug (5)
    //  7. b+un (4)   -> every word is a single token; nothing left to merge.
    static readonly Dictionary<string, long> HandWorkedCounts = new()
    {
        ["hug"] = 10, ["pug"] = 5, ["pun"] = 12, ["bun"] = 4, ["hugs"] = 5,
    };

    [Fact]
    public void Training_reproduces_the_hand_worked_merge_sequence()
    {
        var tokenizer = BpeTokenizer.TrainOnWordCounts(HandWorkedCounts, vocabSize: 100, SpecialTokens.None);
        Assert.Equal(
            [("u", "g"), ("u", "n"), ("h", "ug"), ("p", "un"), ("hug", "s"), ("p", "ug"), ("b", "un")],
            tokenizer.Merges);
        Assert.Equal(["b", "g", "h", "n", "p", "s", "u", "ug", "un", "hug", "pun", "hugs", "pug", "bun"], tokenizer.Vocabulary.Tokens);
    }

    [Fact]
    public void Vocab_size_stops_training_early()
    {
        // 7 characters + 3 merges = 10 tokens.
        var tokenizer = BpeTokenizer.TrainOnWordCounts(HandWorkedCounts, vocabSize: 10, SpecialTokens.None);
        Assert.Equal([("u", "g"), ("u", "n"), ("h", "ug")], tokenizer.Merges);
        // "hugs" after three merges: h u g s -> h ug s -> hug s.
        Assert.Equal(["hug", "s"], tokenizer.Tokenize("hugs"));
        // "bug" was never seen but is made of known pieces.
        Assert.Equal(["b", "ug"], tokenizer.Tokenize("bug"));
    }

    [Fact]
    public void Encoding_applies_merges_in_the_order_they_were_learned()
    {
        var tokenizer = BpeTokenizer.TrainOnWordCounts(HandWorkedCounts, vocabSize: 100, SpecialTokens.None);
        Assert.Equal(["hugs"], tokenizer.Tokenize("hugs"));
        // p u g s -> p ug s (merge 1) -> pug s (merge 6); "ug"+"s" was never learned.
        Assert.Equal(["pug", "s"], tokenizer.Tokenize("pugs"));
        Assert.Equal(["b", "u", "g"], BpeTokenizer.TrainOnWordCounts(HandWorkedCounts, vocabSize: 7, SpecialTokens.None).Tokenize("bug"));
    }

    [Fact]
    public void Tokenization_splits_into_Token_and_ization_after_training()
    {
        // "Tokenization" itself never occurs; "Token..." words start lines (no leading space) and many words end in "ization".
        const string corpus = """
            Token by token, the tokenizer reads.
            Tokens are counted.
            Token after token.
            Tokenizer and tokens.
            Organization, realization, civilization, normalization.
            Organization needs realization; civilization needs normalization.
            Specialization, organization, realization.
            """;
        Assert.DoesNotContain("Tokenization", corpus);
        var tokenizer = BpeTokenizer.Train(corpus, vocabSize: 60, SpecialTokens.None);
        Assert.Equal(["Token", "ization"], tokenizer.Tokenize("Tokenization"));
        Assert.Equal("Tokenization", tokenizer.Decode(tokenizer.Encode("Tokenization")));
    }

    [Fact]
    public void Pre_tokenizer_keeps_one_leading_space_with_each_word()
    {
        Assert.Equal(["Hello", ",", " world", "!", "\n", " 42", "  ", " cats"], BpeTokenizer.SplitWords("Hello, world!\n 42   cats"));
    }

    [Fact]
    public void Round_trips_text_exactly_including_spacing()
    {
        const string text = "It is a truth universally acknowledged,  that a single man\n\n  in possession of a good fortune...";
        var tokenizer = BpeTokenizer.Train(text, vocabSize: 80);
        Assert.Equal(text, tokenizer.Decode(tokenizer.Encode(text)));
        Assert.True(tokenizer.Encode(text).Length < text.Length, "merges should make the sequence shorter than its characters");
    }

    [Fact]
    public void Unknown_characters_and_special_tokens()
    {
        var tokenizer = BpeTokenizer.Train("low lower lowest", vocabSize: 40);
        var ids = tokenizer.Encode("low<mask>lowZ", addBos: true, addEos: true);
        Assert.Equal(tokenizer.BosId, ids[0]);
        Assert.Equal(tokenizer.EosId, ids[^1]);
        Assert.Contains(tokenizer.MaskId!.Value, ids);
        Assert.Equal(tokenizer.UnkId, ids[^2]); // 'Z' never seen
        Assert.Equal("low<mask>low<unk>", tokenizer.Decode(ids, skipSpecialTokens: false)[5..^5]);
    }

    [Fact]
    public void Too_small_a_vocabulary_is_rejected_with_the_needed_size()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => BpeTokenizer.TrainOnWordCounts(HandWorkedCounts, vocabSize: 5, SpecialTokens.None));
        Assert.Contains("7 special tokens and distinct characters", error.Message);
    }

    [Fact]
    public void Training_is_deterministic()
    {
        const string text = "the theme of the thesis: then there, the other three";
        var a = BpeTokenizer.Train(text, vocabSize: 50);
        var b = BpeTokenizer.Train(text, vocabSize: 50);
        Assert.Equal(a.Merges, b.Merges);
        Assert.Equal(a.Vocabulary.Tokens, b.Vocabulary.Tokens);
    }
}
