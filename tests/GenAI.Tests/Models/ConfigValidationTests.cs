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

    static readonly BertConfig TinyBert = new(VocabSize: 12, ContextLength: 8, ModelDim: 16, Layers: 1, Heads: 2, FfnDim: 32, SegmentTypes: 0);
    static readonly T5Config TinyT5 = new(VocabSize: 12, ContextLength: 8, ModelDim: 16, Layers: 1, Heads: 2, FfnDim: 32);

    static (string Message, string? Parameter) Rejected(Action validate)
    {
        var e = Assert.Throws<ArgumentException>(validate);
        return (e.Message, e.ParamName);
    }

    [Fact]
    public void MaskedLmTrainingNamesTheFieldAndValue()
    {
        var ok = new MaskedLmTraining(TinyBert, Steps: 10, BatchSize: 4);
        ok.Validate();
        (ok with { MaskProbability = 1 }).Validate();   // (0, 1]: masking every position is allowed
        var cases = new (MaskedLmTraining Settings, string Message, string Field)[]
        {
            (ok with { Steps = 0 }, "MaskedLmTraining.Steps must be at least 1; got 0.", "Steps"),
            (ok with { BatchSize = -3 }, "MaskedLmTraining.BatchSize must be at least 1; got -3.", "BatchSize"),
            (ok with { LearningRate = 0 }, "MaskedLmTraining.LearningRate must be a finite number above 0; got 0.", "LearningRate"),
            (ok with { LearningRate = double.NaN }, "MaskedLmTraining.LearningRate must be a finite number above 0; got NaN.", "LearningRate"),
            (ok with { LearningRate = double.PositiveInfinity }, "MaskedLmTraining.LearningRate must be a finite number above 0; got ", "LearningRate"),
            (ok with { MaskProbability = 0 }, "MaskedLmTraining.MaskProbability must be in (0, 1]; got 0.", "MaskProbability"),
            (ok with { MaskProbability = 1.5 }, "MaskedLmTraining.MaskProbability must be in (0, 1]; got 1.5.", "MaskProbability"),
            (ok with { MaskProbability = double.NaN }, "MaskedLmTraining.MaskProbability must be in (0, 1]; got NaN.", "MaskProbability"),
            (ok with { EvalEvery = 0 }, "MaskedLmTraining.EvalEvery must be at least 1; got 0.", "EvalEvery"),
        };
        foreach (var (settings, message, field) in cases)
        {
            var (m, p) = Rejected(settings.Validate);
            Assert.StartsWith(message, m);
            Assert.Equal(field, p);
        }
        // the encoder's own sizes are checked too, and a missing one is named
        Assert.Contains("Heads", Rejected((ok with { Model = TinyBert with { Heads = 3 } }).Validate).Message);
        Assert.Equal("Model", Assert.Throws<ArgumentNullException>((ok with { Model = null! }).Validate).ParamName);
    }

    [Fact]
    public void TextToTextTrainingNamesTheFieldAndValue()
    {
        var ok = new TextToTextTraining(TinyT5, Steps: 10, BatchSize: 4);
        ok.Validate();
        var cases = new (TextToTextTraining Settings, string Message, string Field)[]
        {
            (ok with { Steps = -1 }, "TextToTextTraining.Steps must be at least 1; got -1.", "Steps"),
            (ok with { BatchSize = 0 }, "TextToTextTraining.BatchSize must be at least 1; got 0.", "BatchSize"),
            (ok with { LearningRate = -1e-3 }, "TextToTextTraining.LearningRate must be a finite number above 0; got -0.001.", "LearningRate"),
            (ok with { EvalEvery = -1 }, "TextToTextTraining.EvalEvery must be at least 0 (0 = a tenth of the steps); got -1.", "EvalEvery"),
        };
        foreach (var (settings, message, field) in cases)
        {
            var (m, p) = Rejected(settings.Validate);
            Assert.StartsWith(message, m);
            Assert.Equal(field, p);
        }
        Assert.Equal("Model", Assert.Throws<ArgumentNullException>((ok with { Model = null! }).Validate).ParamName);
    }
}
