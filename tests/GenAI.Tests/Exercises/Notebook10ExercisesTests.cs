using GenAI.Exercises;
using GenAI.Models;

namespace GenAI.Tests.Exercises;

public sealed class Notebook10ExercisesTests
{
    [Fact]
    public void The_reference_counts_a_tiny_gpt_and_gpt2_small_and_passes()
    {
        // V d + T d + L (12 d² + 13 d) + 2 d = 10·2 + 4·2 + (48 + 26) + 4 = 106; untied adds V d = 20.
        Assert.Equal(106, Notebook10Exercises.ParameterCount(new GptConfig(VocabSize: 10, ContextLength: 4, Layers: 1, Heads: 1, EmbeddingDim: 2)));
        Assert.Equal(126, Notebook10Exercises.ParameterCount(new GptConfig(VocabSize: 10, ContextLength: 4, Layers: 1, Heads: 1, EmbeddingDim: 2, TiedEmbeddings: false)));
        Assert.Equal(124_439_808, Notebook10Exercises.ParameterCount(GptConfig.Gpt2Small));
        Assert.True(Notebook10Exercises.CheckParameterCount(Notebook10Exercises.ParameterCount).Passed);
    }

    [Theory]
    [InlineData("no-positions", "the config V = 10, T = 4, L = 1, h = 1, d = 2 (tied)", "position embeddings (T·d) are missing")]
    [InlineData("no-final-norm", "the config V = 10, T = 4, L = 1, h = 1, d = 2 (tied)", "final layer norm")]
    [InlineData("always-untied", "the config V = 10, T = 4, L = 1, h = 1, d = 2 (tied)", "even when it is tied")]
    [InlineData("never-untied", "the config V = 10, T = 4, L = 1, h = 1, d = 2 with TiedEmbeddings: false", "untied output layer's V·d is missing")]
    [InlineData("no-biases", "the config V = 10, T = 4, L = 1, h = 1, d = 2 (tied)", "only its 12d² weights")]
    public void Typical_mistakes_are_rejected_with_their_hint(string mistake, string input, string hint)
    {
        Func<GptConfig, long> answer = mistake switch
        {
            "no-positions" => c => (long)c.VocabSize * c.EmbeddingDim + c.Layers * (12L * c.EmbeddingDim * c.EmbeddingDim + 13L * c.EmbeddingDim) + 2L * c.EmbeddingDim
                + (c.TiedEmbeddings ? 0 : (long)c.VocabSize * c.EmbeddingDim),
            "no-final-norm" => c => (long)(c.VocabSize + c.ContextLength) * c.EmbeddingDim + c.Layers * (12L * c.EmbeddingDim * c.EmbeddingDim + 13L * c.EmbeddingDim)
                + (c.TiedEmbeddings ? 0 : (long)c.VocabSize * c.EmbeddingDim),
            "always-untied" => c => (long)(2 * c.VocabSize + c.ContextLength) * c.EmbeddingDim + c.Layers * (12L * c.EmbeddingDim * c.EmbeddingDim + 13L * c.EmbeddingDim) + 2L * c.EmbeddingDim,
            "never-untied" => c => (long)(c.VocabSize + c.ContextLength) * c.EmbeddingDim + c.Layers * (12L * c.EmbeddingDim * c.EmbeddingDim + 13L * c.EmbeddingDim) + 2L * c.EmbeddingDim,
            _ => c => (long)(c.VocabSize + c.ContextLength) * c.EmbeddingDim + c.Layers * 12L * c.EmbeddingDim * c.EmbeddingDim + 2L * c.EmbeddingDim
                + (c.TiedEmbeddings ? 0 : (long)c.VocabSize * c.EmbeddingDim),
        };
        var result = Notebook10Exercises.CheckParameterCount(answer);
        Assert.Equal(ExerciseOutcome.Wrong, result.Outcome);
        Assert.Contains($"On {input},", result.Message);
        Assert.Contains(hint, result.Message);
    }

    [Fact]
    public void Int_arithmetic_that_overflows_on_gpt3_says_which_config_and_both_counts()
    {
        // Right for small configs, but 12 d² in int overflows at d = 12 288 (12 · 12 288² = 1.8 · 10⁹ fits, L times it does not).
        var result = Notebook10Exercises.CheckParameterCount(c => (c.VocabSize + c.ContextLength) * c.EmbeddingDim
            + c.Layers * (12 * c.EmbeddingDim * c.EmbeddingDim + 13 * c.EmbeddingDim) + 2 * c.EmbeddingDim
            + (c.TiedEmbeddings ? 0 : c.VocabSize * c.EmbeddingDim));
        Assert.Equal(ExerciseOutcome.Wrong, result.Outcome);
        Assert.StartsWith("On GPT-3 (V = 50 257, T = 2 048, L = 96, h = 96, d = 12 288), you returned ", result.Message);
        Assert.EndsWith(", expected 1.74604E+11.", result.Message);
    }
}
