using GenAI.Models;

namespace GenAI.Exercises;

/// <summary>Notebook 10's exercise: a GPT's parameter count from its configuration, N = Vd + Td + L(12d² + 13d) + 2d.</summary>
public static class Notebook10Exercises
{
    /// <summary>
    /// The number of parameters of the course's <see cref="Gpt"/> for a config: token and position embeddings,
    /// L blocks of 12d² + 13d, the final layer norm, and V·d more when the output layer is not tied to the embeddings.
    /// </summary>
    public static ExerciseResult CheckParameterCount(Func<GptConfig, long> parameterCount) =>
        Exercise.Check("a GPT's parameter count", parameterCount, ParameterCount,
            (expected, actual) => Answers.Numbers(expected, actual, rtol: 0, atol: 0), Cases, Mistakes);

    /// <summary>The reference solution: the library's own <see cref="GptConfig.ParameterCount"/>.</summary>
    public static long ParameterCount(GptConfig config) => config.ParameterCount;

    static readonly ExerciseCase<GptConfig>[] Cases =
    [
        // 10·2 + 4·2 + 1·(12·4 + 13·2) + 2·2 = 20 + 8 + 74 + 4 = 106
        new("the config V = 10, T = 4, L = 1, h = 1, d = 2 (tied)", () => new GptConfig(VocabSize: 10, ContextLength: 4, Layers: 1, Heads: 1, EmbeddingDim: 2)),
        // the same plus an output layer of its own, 10·2 more: 126
        new("the config V = 10, T = 4, L = 1, h = 1, d = 2 with TiedEmbeddings: false",
            () => new GptConfig(VocabSize: 10, ContextLength: 4, Layers: 1, Heads: 1, EmbeddingDim: 2, TiedEmbeddings: false)),
        new("GPT-2 small (V = 50 257, T = 1 024, L = 12, h = 12, d = 768; 124 439 808)", () => GptConfig.Gpt2Small),
        new("GPT-3 (V = 50 257, T = 2 048, L = 96, h = 96, d = 12 288)", () => GptConfig.Gpt3),
        new("a random config (seed 10)", () => RandomConfig(10, tied: true)),
        new("a random untied config (seed 11)", () => RandomConfig(11, tied: false)),
    ];

    static GptConfig RandomConfig(long seed, bool tied)
    {
        var draw = ExerciseInputs.Integers(seed, 64, 4).data<long>().ToArray();
        int heads = (int)(draw[2] % 8) + 1;
        return new GptConfig(VocabSize: (int)draw[0] * 97 + 5, ContextLength: (int)draw[1] * 8 + 1, Layers: (int)(draw[3] % 12) + 1,
            Heads: heads, EmbeddingDim: heads * ((int)(draw[0] % 16) + 1), TiedEmbeddings: tied);
    }

    static long Blocks(GptConfig c, long perBlock) => c.Layers * perBlock;
    static long Untied(GptConfig c) => c.TiedEmbeddings ? 0 : (long)c.VocabSize * c.EmbeddingDim;

    static readonly ExerciseMistake<GptConfig, long>[] Mistakes =
    [
        new("the position embeddings (T·d) are missing: every one of the T positions has its own d-vector.",
            c => c.ParameterCount - (long)c.ContextLength * c.EmbeddingDim),
        new("the final layer norm (2d: its gain and its bias) is missing.",
            c => c.ParameterCount - 2L * c.EmbeddingDim),
        new("this counts the output layer's V·d even when it is tied to the token embeddings (TiedEmbeddings: true), when it reuses them.",
            c => c.ParameterCount + (c.TiedEmbeddings ? (long)c.VocabSize * c.EmbeddingDim : 0)),
        new("the untied output layer's V·d is missing: with TiedEmbeddings: false the output layer has a matrix of its own.",
            c => c.ParameterCount - Untied(c)),
        new("each block counts only its 12d² weights; the biases and the two layer norms add 13d.",
            c => c.ParameterCount - Blocks(c, 13L * c.EmbeddingDim)),
    ];
}
