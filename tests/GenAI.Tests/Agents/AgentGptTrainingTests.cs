using GenAI.Agents;
using GenAI.Models;
using GenAI.Training;

namespace GenAI.Tests.Agents;

public class AgentGptTrainingTests
{
    static AgentGptTraining Tiny => new(new GptConfig(ToyChatFormat.VocabSize, ContextLength: 64, Layers: 1, Heads: 2, EmbeddingDim: 16), TrainProblems: 50, Episodes: 60, Steps: 8, BatchSize: 4);

    [Fact]
    public void The_agent_model_trains_through_the_checkpoint_store_and_loads_the_second_time()
    {
        var folder = Path.Combine(Path.GetTempPath(), "genai-agent-" + Guid.NewGuid().ToString("N"));
        try
        {
            var store = new CheckpointStore(folder) { Log = _ => { } };
            var heldOut = AgentTasks.Arithmetic(5, 9).Select(p => p.Expression).ToHashSet();
            var first = CourseModels.AgentGpt(Tiny, heldOut, [], 3, store: store);
            Assert.False(first.Loaded);
            Assert.NotEmpty(first.Summary.Train);
            var second = CourseModels.AgentGpt(Tiny, heldOut, [], 3, store: store);
            Assert.True(second.Loaded);
            Assert.Equal(first.Summary.LastTrain, second.Summary.LastTrain);
            first.Model.Dispose();
            second.Model.Dispose();
        }
        finally { if (Directory.Exists(folder)) Directory.Delete(folder, true); }
    }

    [Fact]
    public void Settings_name_the_field_they_reject()
    {
        var e = Assert.Throws<ArgumentException>(() => (Tiny with { Model = new GptConfig(50) }).Validate());
        Assert.Contains("Model.VocabSize must be 96", e.Message);
        Assert.Equal("Steps", Assert.Throws<ArgumentException>(() => (Tiny with { Steps = 0 }).Validate()).ParamName);
        Assert.Equal(128, AgentGptTraining.Notebook(quick: true).Model.ContextLength);
    }
}
