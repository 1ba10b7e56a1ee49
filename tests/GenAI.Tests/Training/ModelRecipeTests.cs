using GenAI.Diffusion;
using GenAI.Models;
using GenAI.Training;
using static TorchSharp.torch;

namespace GenAI.Tests.Training;

public class ModelRecipeTests
{
    [Fact]
    public void KeysDifferExactlyWhenTheModelOrItsTrainingDiffers()
    {
        using var x = ones(3, 2);
        var data = DataFingerprint.Of("three rows", x);
        var config = new LatentDenoiserConfig(LatentDim: 4, ClassCount: 10);
        string training = new DiffusionTrainingOptions(Steps: 100).ToString();
        CheckpointKey Key(LatentDenoiserConfig c, string t) => CheckpointKey.Create("recipe", new ModelRecipe<LatentDenoiserConfig>(c, t), 1, data, typeof(LatentDenoiser));
        var key = Key(config, training);
        Assert.Equal(key.Hash, Key(config with { }, new DiffusionTrainingOptions(Steps: 100).ToString()).Hash);
        Assert.NotEqual(key.Hash, Key(config, new DiffusionTrainingOptions(Steps: 200).ToString()).Hash);
        Assert.NotEqual(key.Hash, Key(config with { HiddenDim = 128 }, training).Hash);
        Assert.Contains("\"LatentDim\":4", key.Config);
        Assert.Contains("Steps = 100", key.Config);
        Assert.StartsWith("GenAI.Training.ModelRecipe`1[[GenAI.Models.LatentDenoiserConfig", key.ConfigType);
    }
}
