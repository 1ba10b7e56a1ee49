using static TorchSharp.torch;

namespace GenAI.Exercises;

/// <summary>
/// Random inputs for checkers from a generator of their own, so a check never moves the notebook's global seed
/// and gives the same inputs every time it runs.
/// </summary>
public static class ExerciseInputs
{
    /// <summary>Standard normal values of the given shape from <paramref name="seed"/>.</summary>
    public static Tensor Normal(long seed, params long[] shape)
    {
        using var generator = new Generator((ulong)seed);
        return randn(shape, generator: generator);
    }

    /// <summary>Whole numbers in [0, <paramref name="high"/>) of the given shape from <paramref name="seed"/>, as int64.</summary>
    public static Tensor Integers(long seed, long high, params long[] shape)
    {
        using var generator = new Generator((ulong)seed);
        return randint(high, shape, generator: generator);
    }
}
