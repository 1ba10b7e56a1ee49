using GenAI.Agents;
using Microsoft.Extensions.AI;

namespace GenAI.Tests.Agents;

public class ToyChatFormatTests
{
    [Fact]
    public void A_tool_episode_renders_as_the_model_reads_it()
    {
        var problem = new ArithmeticProblem("47+83-12", 118, "47+83=130;130-12=118");
        var text = ToyChatFormat.RenderTranscript(AgentTasks.Episode(problem, PromptStyle.Tools), AgentTasks.ToolNames);
        Assert.Equal("\nT:calc,search\nU:47+83-12\nA:calc(47+83-12)\nO:118\nA:=118\n", text);
        Assert.Equal("\nU:47+83-12 steps\nA:47+83=130;130-12=118;=118\n", ToyChatFormat.RenderTranscript(AgentTasks.Episode(problem, PromptStyle.ChainOfThought)));
    }

    [Fact]
    public void A_long_observation_is_cut_to_what_the_model_reads()
    {
        var citation = "[20-guidance-latent-diffusion §20 · Guidance, latent diffusion and the course's generators side by side]";
        var text = ToyChatFormat.RenderTranscript([new(ChatRole.User, "notebook on guidance?"),
            new(ChatRole.Assistant, [new FunctionCallContent("s1", "search", new Dictionary<string, object?> { ["query"] = "guidance" })]),
            new(ChatRole.Tool, [new FunctionResultContent("s1", citation)])]);
        Assert.EndsWith("\nO:" + citation[..ToyChatFormat.MaxObservationLength] + "\n", text);
        Assert.Equal(48, ToyChatFormat.MaxObservationLength);
    }

    [Fact]
    public void System_messages_are_left_out_and_the_prompt_ends_with_the_assistant_marker() =>
        Assert.Equal("\nU:1+1\nA:", ToyChatFormat.RenderPrompt([new(ChatRole.System, "be nice"), new(ChatRole.User, "1+1")]));

    [Fact]
    public void A_call_becomes_a_function_call_named_after_the_schemas_first_parameter()
    {
        var m = ToyChatFormat.ParseCompletion("calc(47+83-12)\n", AgentTasks.ToolNames, "c9");
        var call = Assert.IsType<FunctionCallContent>(Assert.Single(m.Contents));
        Assert.Equal(("c9", "calc"), (call.CallId, call.Name));
        Assert.Equal("47+83-12", call.Arguments!["expression"]);
        var search = (FunctionCallContent)ToyChatFormat.ParseCompletion("search(gan)", AgentTasks.ToolNames, "c1").Contents[0];
        Assert.Equal("gan", search.Arguments!["query"]);
    }

    [Fact]
    public void Without_tools_on_offer_a_call_shape_stays_text()
    {
        var m = ToyChatFormat.ParseCompletion("calc(1+1)", null, "c1");
        Assert.Equal("calc(1+1)", m.Text);
        Assert.Empty(m.Contents.OfType<FunctionCallContent>());
    }

    [Theory]
    [InlineData("=118", "118")]
    [InlineData("47+83=130;130-12=118;=118", "118")]
    [InlineData("no answer", null)]
    [InlineData("=", null)]
    public void The_answer_is_what_follows_the_last_equals_sign(string text, string? expected) => Assert.Equal(expected, ToyChatFormat.Answer(text));

    [Fact]
    public void Encoding_round_trips_ascii_and_reads_other_characters_as_question_marks()
    {
        Assert.Equal(96, ToyChatFormat.VocabSize);
        Assert.Equal("A:=1\n", ToyChatFormat.Decode(ToyChatFormat.Encode("A:=1\n")));
        Assert.Equal("caf?", ToyChatFormat.Decode(ToyChatFormat.Encode("café")));
    }
}
