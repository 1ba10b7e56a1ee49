using Microsoft.Extensions.AI;

namespace GenAI.Agents;

/// <summary>A three-term problem such as 47+83-12, its answer and the two steps of its chain of thought.</summary>
public sealed record ArithmeticProblem(string Expression, int Answer, string Steps)
{
    public override string ToString() => $"{Expression} = {Answer}";
}

/// <summary>
/// A question about the course ("notebook on diffusion?"), the notebook the search tool finds for its topic, the
/// notebook's number (the answer) and the citation the tool returns ("[19-diffusion-ddpm-ddim §...]", the observation).
/// </summary>
public sealed record CourseQuestion(string Topic, string Question, string Notebook, string Number, string Citation);

/// <summary>How the model is asked: with tools (ReAct), alone (zero-, one-, few-shot) or alone with a chain of thought.</summary>
public enum PromptStyle { Tools, ZeroShot, OneShot, FewShot, ChainOfThought }

/// <summary>The shares of each kind of episode in the training text (relative weights; they need not add up to 1).</summary>
public sealed record EpisodeMix(double ArithmeticWithTools, double CourseWithTools, double ZeroShot, double FewShot, double ChainOfThought)
{
    /// <summary>40 % arithmetic with tools, 20 % course questions with tools, 15 % zero-shot, 10 % one- or few-shot, 15 % chain of thought.</summary>
    public static EpisodeMix Default { get; } = new(0.4, 0.2, 0.15, 0.1, 0.15);

    public double Total => ArithmeticWithTools + CourseWithTools + ZeroShot + FewShot + ChainOfThought;

    public void Validate()
    {
        foreach (var (name, v) in new[] { (nameof(ArithmeticWithTools), ArithmeticWithTools), (nameof(CourseWithTools), CourseWithTools),
                     (nameof(ZeroShot), ZeroShot), (nameof(FewShot), FewShot), (nameof(ChainOfThought), ChainOfThought) })
            if (!(v >= 0) || double.IsInfinity(v)) throw new ArgumentException($"EpisodeMix.{name} must be a finite share of 0 or more; got {v}.", name);
        if (!(Total > 0)) throw new ArgumentException("EpisodeMix needs at least one positive share.", nameof(ArithmeticWithTools));
    }
}

/// <summary>
/// The small agent model's task, generated: arithmetic over three two-digit numbers (the model cannot add reliably,
/// the calculator can) and questions about the course (the model cannot know the notebook numbers, the search can).
/// Every training episode is rendered by <see cref="ToyChatFormat"/>, the same template the chat client uses.
/// </summary>
public static class AgentTasks
{
    /// <summary>The suffix that asks for a chain of thought ("47+83-12 steps").</summary>
    public const string StepsCue = " steps";

    /// <summary><paramref name="count"/> distinct problems a±b±c with a, b, c in 10..99, none of them in <paramref name="exclude"/>.</summary>
    public static List<ArithmeticProblem> Arithmetic(int count, int seed, IReadOnlySet<string>? exclude = null)
    {
        if (count < 0) throw new ArgumentOutOfRangeException(nameof(count), count, "count cannot be negative.");
        var rng = new Random(seed);
        var seen = new HashSet<string>();
        var list = new List<ArithmeticProblem>();
        while (list.Count < count)
        {
            int a = rng.Next(10, 100), b = rng.Next(10, 100), c = rng.Next(10, 100);
            char o1 = rng.Next(2) == 0 ? '+' : '-', o2 = rng.Next(2) == 0 ? '+' : '-';
            var expr = $"{a}{o1}{b}{o2}{c}";
            if (!seen.Add(expr) || (exclude?.Contains(expr) ?? false)) continue;
            int s1 = o1 == '+' ? a + b : a - b;
            int s2 = o2 == '+' ? s1 + c : s1 - c;
            list.Add(new ArithmeticProblem(expr, s2, $"{a}{o1}{b}={s1};{s1}{o2}{c}={s2}"));
        }
        return list;
    }

    /// <summary>Topics (words of the notebooks' file stems, four letters or more) whose search finds a section of the notebook they came from.</summary>
    public static List<CourseQuestion> CourseQuestions(CourseSearch search)
    {
        ArgumentNullException.ThrowIfNull(search);
        var list = new List<CourseQuestion>();
        var stop = new HashSet<string> { "and", "from", "the", "with", "scratch", "well", "building", "blocks", "models", "model" };
        foreach (var notebook in search.Notebooks)
            foreach (var word in notebook.Split('-').Skip(1).Where(w => w.Length >= 4 && !stop.Contains(w)).Distinct())
            {
                var hits = search.Search(word, 1);
                if (hits.Count == 1 && hits[0].Notebook == notebook)
                    list.Add(new CourseQuestion(word, $"notebook on {word}?", notebook, notebook.Split('-')[0], hits[0].Chunk.Citation));
            }
        return list;
    }

    /// <summary>The messages of one episode solved in <paramref name="style"/> (for the tool style, the calls and observations too).</summary>
    public static List<ChatMessage> Episode(ArithmeticProblem problem, PromptStyle style, IReadOnlyList<ArithmeticProblem>? shots = null)
    {
        var messages = new List<ChatMessage>();
        foreach (var s in shots ?? []) { messages.Add(new(ChatRole.User, s.Expression)); messages.Add(new(ChatRole.Assistant, "=" + s.Answer)); }
        switch (style)
        {
            case PromptStyle.Tools:
                messages.Add(new(ChatRole.User, problem.Expression));
                messages.Add(new(ChatRole.Assistant, [new FunctionCallContent("c1", "calc", new Dictionary<string, object?> { ["expression"] = problem.Expression })]));
                messages.Add(new(ChatRole.Tool, [new FunctionResultContent("c1", problem.Answer.ToString())]));
                messages.Add(new(ChatRole.Assistant, "=" + problem.Answer));
                break;
            case PromptStyle.ChainOfThought:
                messages.Add(new(ChatRole.User, problem.Expression + StepsCue));
                messages.Add(new(ChatRole.Assistant, problem.Steps + ";=" + problem.Answer));
                break;
            default:
                messages.Add(new(ChatRole.User, problem.Expression));
                messages.Add(new(ChatRole.Assistant, "=" + problem.Answer));
                break;
        }
        return messages;
    }

    /// <summary>The question alone, as the model is asked it (the last user turn; with 1 or 3 solved examples before it for one- and few-shot).</summary>
    public static List<ChatMessage> Question(ArithmeticProblem problem, PromptStyle style, IReadOnlyList<ArithmeticProblem>? shots = null)
    {
        var all = Episode(problem, style, style is PromptStyle.OneShot or PromptStyle.FewShot ? shots : null);
        int keep = (style is PromptStyle.OneShot or PromptStyle.FewShot ? 2 * (shots?.Count ?? 0) : 0) + 1;
        return all.Take(keep).ToList();
    }

    /// <summary>A course question answered with the search tool.</summary>
    public static List<ChatMessage> Episode(CourseQuestion question) =>
    [
        new(ChatRole.User, question.Question),
        new(ChatRole.Assistant, [new FunctionCallContent("s1", "search", new Dictionary<string, object?> { ["query"] = question.Topic })]),
        new(ChatRole.Tool, [new FunctionResultContent("s1", question.Citation)]),
        new(ChatRole.Assistant, "=" + question.Number),
    ];

    /// <summary>The names of the two tools as the model saw them in training.</summary>
    public static IReadOnlyList<AITool> ToolNames { get; } =
    [
        AIFunctionFactory.Create(Calculator.Calculate, "calc"),
        AIFunctionFactory.CreateDeclaration("search", "Searches the course's notebooks.", System.Text.Json.JsonDocument.Parse("""{"type":"object","properties":{"query":{"type":"string"}},"required":["query"]}""").RootElement),
    ];

    /// <summary>
    /// The training text: <paramref name="episodes"/> episodes, each rendered by <see cref="ToyChatFormat"/>, drawn in the
    /// shares of <paramref name="mix"/> (default <see cref="EpisodeMix.Default"/>: 40 % arithmetic with tools, 20 % course
    /// questions with tools, 15 % zero-shot, 10 % with one or three solved examples, 15 % chain of thought). Problems come
    /// from <paramref name="problems"/> (the training split only).
    /// </summary>
    public static List<string> Corpus(IReadOnlyList<ArithmeticProblem> problems, IReadOnlyList<CourseQuestion> questions, int episodes, int seed, EpisodeMix? mix = null)
    {
        ArgumentNullException.ThrowIfNull(problems);
        ArgumentNullException.ThrowIfNull(questions);
        if (problems.Count < 4) throw new ArgumentException("The corpus needs at least four problems.", nameof(problems));
        mix ??= EpisodeMix.Default;
        mix.Validate();
        double total = mix.Total;
        double c1 = mix.ArithmeticWithTools / total, c2 = c1 + mix.CourseWithTools / total, c3 = c2 + mix.ZeroShot / total, c4 = c3 + mix.FewShot / total;
        var rng = new Random(seed);
        var sb = new List<string>();
        ArithmeticProblem Pick() => problems[rng.Next(problems.Count)];
        for (int i = 0; i < episodes; i++)
        {
            double u = rng.NextDouble();
            if (u < c1) sb.Add(ToyChatFormat.RenderTranscript(Episode(Pick(), PromptStyle.Tools), ToolNames));
            else if (u < c2 && questions.Count > 0) sb.Add(ToyChatFormat.RenderTranscript(Episode(questions[rng.Next(questions.Count)]), ToolNames));
            else if (u < c3) sb.Add(ToyChatFormat.RenderTranscript(Episode(Pick(), PromptStyle.ZeroShot)));
            else if (u < c4)
            {
                var shots = Enumerable.Range(0, rng.Next(2) == 0 ? 1 : 3).Select(_ => Pick()).ToList();
                sb.Add(ToyChatFormat.RenderTranscript(Episode(Pick(), PromptStyle.FewShot, shots)));
            }
            else sb.Add(ToyChatFormat.RenderTranscript(Episode(Pick(), PromptStyle.ChainOfThought)));
        }
        return sb;
    }

    /// <summary>
    /// One rendered episode as a training example: inputs x = ids[0..n-2] and targets y = ids[1..n-1], where only the
    /// assistant's characters (after each "A:", up to and including its newline) are targets and every other target is
    /// <paramref name="ignore"/> (the model is not taught to write the user's or the tool's lines).
    /// </summary>
    public static (long[] X, long[] Y) TrainingExample(string transcript, long ignore = -100)
    {
        ArgumentNullException.ThrowIfNull(transcript);
        if (transcript.Length < 2) throw new ArgumentException("An episode needs at least two characters.", nameof(transcript));
        var ids = ToyChatFormat.Encode(transcript);
        var target = new bool[transcript.Length];
        bool inside = false;
        for (int i = 0; i < transcript.Length; i++)
        {
            if (inside) { target[i] = true; if (transcript[i] == '\n') inside = false; }
            else if (i >= 2 && transcript[i - 2] == '\n' && transcript[i - 1] == 'A' && transcript[i] == ':') inside = true;
        }
        var x = ids[..^1];
        var y = new long[x.Length];
        for (int i = 0; i < y.Length; i++) y[i] = target[i + 1] ? ids[i + 1] : ignore;
        return (x, y);
    }
}
