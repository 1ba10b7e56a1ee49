using GenAI.Models;

namespace GenAI.Tests.Models;

public sealed class ConfigValidationTests
{
    static string Message(Action validate) => Assert.Throws<ArgumentException>(validate).Message;

    [Fact]
    public void CnnConfigNamesTheFieldAndValue()
    {
        Assert.StartsWith("CnnClassifierConfig.Channels2 must be at least 1; got 0.", Message(() => new CnnClassifierConfig(Channels2: 0).Validate()));
        Assert.StartsWith("CnnClassifierConfig.Dropout must be in [0, 1); got 1.5.", Message(() => new CnnClassifierConfig(Dropout: 1.5).Validate()));
        Assert.StartsWith("CnnClassifierConfig.KernelSize must be odd ('same' padding); got 4.", Message(() => new CnnClassifierConfig(KernelSize: 4).Validate()));
        // the model's constructor calls it
        Assert.StartsWith("CnnClassifierConfig.Classes must be at least 2; got 1.", Message(() => new CnnClassifier(new CnnClassifierConfig(Classes: 1))));
        new CnnClassifierConfig().Validate();
    }

    [Fact]
    public void VaeAndAutoencoderConfigsNameTheFieldAndValue()
    {
        Assert.StartsWith("VaeConfig.Beta must be a finite number of at least 0; got -1.", Message(() => new Vae(new VaeConfig(Beta: -1))));
        Assert.StartsWith("AutoencoderConfig.LatentDim must be at least 1; got 0.", Message(() => new AutoencoderConfig(LatentDim: 0).Validate()));
        Assert.StartsWith("AutoencoderConfig.ImageSize must be divisible by 4", Message(() => new AutoencoderConfig(4, AutoencoderKind.Convolutional, ImageSize: 10).Validate()));
    }

    [Fact]
    public void LanguageModelConfigsNameTheFieldAndValue()
    {
        Assert.StartsWith("MlpLanguageModelConfig.ContextLength must be at least 1; got 0.", Message(() => new MlpLanguageModel(new MlpLanguageModelConfig(27, ContextLength: 0))));
        Assert.StartsWith("CharLstmConfig.NumLayers must be at least 1; got 0.", Message(() => new CharLstmConfig(27, NumLayers: 0).Validate()));
        Assert.Equal("NumLayers", Assert.Throws<ArgumentException>(() => new CharLstmConfig(27, NumLayers: 0).Validate()).ParamName);
    }

    [Fact]
    public void RecurrentAndSeq2SeqConfigsNameTheFieldAndValue()
    {
        Assert.StartsWith("RecurrentConfig.HiddenSize must be at least 1; got 0.", Message(() => new RecurrentFromScratch(new RecurrentConfig(RecurrentKind.Lstm, 3, 0))));
        Assert.StartsWith("Seq2SeqConfig.TargetVocab must be at least 1; got -2.", Message(() => new Seq2SeqConfig(10, -2, 0, 1).Validate()));
    }
}
