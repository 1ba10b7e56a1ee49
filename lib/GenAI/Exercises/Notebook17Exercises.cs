using GenAI.Models;
using static TorchSharp.torch;

namespace GenAI.Exercises;

/// <summary>Notebook 17's exercise: the KL term of the VAE loss in closed form.</summary>
public static class Notebook17Exercises
{
    /// <summary>
    /// KL(N(mu, sigma²) || N(0, I)) per example for mu and logVar of shape [N, d]:
    /// -1/2 Σ_j (1 + logVar_j - mu_j² - exp(logVar_j)), summed over the latent dimensions j, one value per row: [N].
    /// The reference is the library's own <see cref="Vae.KlDivergence"/>, which the VAE's loss uses.
    /// </summary>
    public static ExerciseResult CheckKlDivergence(Func<Tensor, Tensor, Tensor> klDivergence)
    {
        ArgumentNullException.ThrowIfNull(klDivergence);
        return Exercise.Check<(Tensor Mu, Tensor LogVar), Tensor>("the KL term in closed form",
            x => klDivergence(x.Mu, x.LogVar), x => Vae.KlDivergence(x.Mu, x.LogVar),
            (expected, actual) => Answers.Tensors(expected, actual), Cases, Mistakes);
    }

    static (Tensor, Tensor) Pair(float[] mu, float[] logVar, long rows, long columns) =>
        (tensor(mu, [rows, columns]), tensor(logVar, [rows, columns]));

    static readonly ExerciseCase<(Tensor Mu, Tensor LogVar)>[] Cases =
    [
        new("mu = [[1, 2]], logVar = [[0, 0]] (KL = [1/2 + 4/2] = [2.5])", () => Pair([1, 2], [0, 0], 1, 2)),
        new("mu = [[0, 0, 0], [1, -2, 0]], logVar = [[0, 0, 0], [0, 0, 1]] (KL = [0, 2.5 + (e - 2) / 2])",
            () => Pair([0, 0, 0, 1, -2, 0], [0, 0, 0, 0, 0, 1], 2, 3)),
        new("a random batch of 16 codes of 4 dimensions (seed 1)",
            () => (ExerciseInputs.Normal(1, 16, 4), ExerciseInputs.Normal(2, 16, 4) * 0.5)),
    ];

    static Tensor Inside((Tensor Mu, Tensor LogVar) x) => x.LogVar.add(1).sub(x.Mu.pow(2)).sub(x.LogVar.exp());

    static readonly ExerciseMistake<(Tensor Mu, Tensor LogVar), Tensor>[] Mistakes =
    [
        new("this is the mean over the latent dimensions: the KL of independent dimensions is their sum, .sum([-1]).",
            x => Inside(x).mean([-1]).mul(-0.5)),
        new("the sign is flipped: the KL is -1/2 Σ (1 + logVar - mu² - exp(logVar)), never negative.",
            x => Inside(x).sum([-1]).mul(0.5)),
        new("the 1 inside the sum is missing: -1/2 Σ (1 + logVar - mu² - exp(logVar)).",
            x => x.LogVar.sub(x.Mu.pow(2)).sub(x.LogVar.exp()).sum([-1]).mul(-0.5)),
        new("this uses logVar itself as the variance: sigma² is exp(logVar).",
            x => x.LogVar.add(1).sub(x.Mu.pow(2)).sub(x.LogVar).sum([-1]).mul(-0.5)),
    ];
}
