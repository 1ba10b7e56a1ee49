using GenAI.Text;

namespace GenAI.Tests.Text;

public class WordTokenizerTests
{
    const string Corpus = "The cat sat. The cat ran! A dog sat.";

    [Fact]
    public void Splits_words_and_punctuation_and_lower_cases()
    {
        Assert.Equal(["the", "cat", "sat", ".", "don't", "stop", "(", "42", ")"],
            WordTokenizer.SplitWords("The cat sat. Don't stop (42)"));
        Assert.Equal(["The", "cat"], WordTokenizer.SplitWords("The cat", lowercase: false));
    }

    [Fact]
    public void Vocabulary_orders_words_by_frequency_then_alphabetically()
    {
        var tokenizer = WordTokenizer.Train(Corpus);
        // counts: cat 2, sat 2, the 2, . 2, ! 1, a 1, dog 1, ran 1; ties in ordinal order ('!' < '.' < letters)
        Assert.Equal(["<pad>", "<unk>", "<bos>", "<eos>", "<mask>", ".", "cat", "sat", "the", "!", "a", "dog", "ran"],
            tokenizer.Vocabulary.Tokens);
    }

    [Fact]
    public void Min_frequency_and_max_vocab_size_drop_rare_words_to_unknown()
    {
        var frequent = WordTokenizer.Train(Corpus, minFrequency: 2);
        Assert.Equal(["<pad>", "<unk>", "<bos>", "<eos>", "<mask>", ".", "cat", "sat", "the"], frequent.Vocabulary.Tokens);
        Assert.Equal([8L, 1, 7, 5], frequent.Encode("The dog sat."));

        var capped = WordTokenizer.Train(Corpus, maxVocabSize: 7);
        Assert.Equal(7, capped.VocabSize);
        Assert.Equal(["<pad>", "<unk>", "<bos>", "<eos>", "<mask>", ".", "cat"], capped.Vocabulary.Tokens);
    }

    [Fact]
    public void Decoding_puts_spaces_between_words_but_not_before_punctuation()
    {
        var tokenizer = WordTokenizer.Train("the cat ( a pet ) sat , then ran .");
        var ids = tokenizer.Encode("The cat (a pet) sat, then ran.");
        Assert.Equal("the cat (a pet) sat, then ran.", tokenizer.Decode(ids));
    }

    [Fact]
    public void Special_tokens_frame_and_mask()
    {
        var tokenizer = WordTokenizer.Train(Corpus);
        var ids = tokenizer.Encode("the <mask> sat", addBos: true, addEos: true);
        Assert.Equal([2L, 8, 4, 7, 3], ids);
        Assert.Equal("<bos> the <mask> sat <eos>", tokenizer.Decode(ids));
        Assert.Equal("the sat", tokenizer.Decode(ids, skipSpecialTokens: true));
    }

    [Fact]
    public void Max_vocab_smaller_than_the_specials_is_rejected()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => WordTokenizer.Train(Corpus, maxVocabSize: 3));
        Assert.Contains("5 special tokens", error.Message);
    }
}
