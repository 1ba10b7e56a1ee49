using static TorchSharp.torch;

namespace GenAI.ReinforcementLearning;

/// <summary>Settings of tabular Q-learning: step size α, discount γ, and ε-greedy exploration decaying linearly over the episodes.</summary>
public sealed record QLearningOptions(
    int Episodes = 300,
    double LearningRate = 0.5,
    double Discount = 0.95,
    double EpsilonStart = 1.0,
    double EpsilonEnd = 0.05,
    int MaxStepsPerEpisode = 100);

/// <summary>What one episode gave: the return (sum of rewards), the number of moves and whether it ended on the goal.</summary>
public sealed record Episode(double Return, int Steps, bool ReachedGoal);

/// <summary>
/// Tabular Q-learning: a table Q[state, action] of how much return the agent expects after taking
/// an action in a state and acting well afterwards. The loop is the reinforcement-learning loop:
/// observe the state, act (ε-greedy on Q), receive a reward and the next state from the environment,
/// update the table, repeat. The update moves Q[s, a] towards the reward plus the discounted value
/// of the best next action:  Q[s, a] ← Q[s, a] + α (r + γ max_a' Q[s', a'] - Q[s, a]).
/// </summary>
public sealed class QLearningAgent : IDisposable
{
    public QLearningAgent(int stateCount, int actionCount, Device? device = null)
    {
        if (stateCount < 1) throw new ArgumentOutOfRangeException(nameof(stateCount), stateCount, "stateCount must be at least 1.");
        if (actionCount < 1) throw new ArgumentOutOfRangeException(nameof(actionCount), actionCount, "actionCount must be at least 1.");
        Q = zeros(stateCount, actionCount, dtype: ScalarType.Float64, device: device);
    }

    /// <summary>An agent sized for <paramref name="world"/>.</summary>
    public QLearningAgent(GridWorld world, Device? device = null) : this(world.StateCount, GridWorld.ActionCount, device) { }

    /// <summary>Q[state, action], float64 [S, A], zeros at the start.</summary>
    public Tensor Q { get; }

    public int StateCount => (int)Q.shape[0];
    public int ActionCount => (int)Q.shape[1];

    /// <summary>The best action by the table (the first on a tie).</summary>
    public int Greedy(int state)
    {
        CheckState(state, nameof(state));
        using var scope = NewDisposeScope();
        return (int)Q[state].argmax().item<long>();
    }

    /// <summary>ε-greedy: with probability ε a uniformly random action (explore), else <see cref="Greedy"/> (exploit).</summary>
    public int Act(int state, double epsilon, Generator? generator = null)
    {
        if (epsilon < 0 || epsilon > 1) throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, "epsilon is a probability in [0, 1].");
        using var scope = NewDisposeScope();
        var u = rand(2, dtype: ScalarType.Float64, generator: generator).data<double>().ToArray();
        return u[0] < epsilon ? Math.Min(ActionCount - 1, (int)(u[1] * ActionCount)) : Greedy(state);
    }

    /// <summary>
    /// One Q-learning update after the transition (s, a) → (r, s'):
    /// Q[s, a] ← Q[s, a] + α (r + γ max_a' Q[s', a'] - Q[s, a]), with no future term when the episode ended.
    /// Returns the temporal-difference error r + γ max Q[s'] - Q[s, a].
    /// </summary>
    public double Update(int state, int action, double reward, int next, bool done, double learningRate, double discount)
    {
        CheckState(state, nameof(state));
        CheckState(next, nameof(next));
        if (action < 0 || action >= ActionCount) throw new ArgumentOutOfRangeException(nameof(action), action, $"Actions are 0..{ActionCount - 1}.");
        using var scope = NewDisposeScope();
        // target = r + γ max_a' Q[s', a']   (just r at the end of an episode)
        var target = done ? tensor(reward, dtype: ScalarType.Float64, device: Q.device) : Q[next].max().mul(discount).add(reward);
        var tdError = target.sub(Q[state, action]);
        Q[state, action].add_(tdError, alpha: learningRate);
        return tdError.item<double>();
    }

    /// <summary>One episode from the start: act ε-greedily, step the world, update Q, until a terminal state or the step limit.</summary>
    public Episode RunEpisode(GridWorld world, double epsilon, QLearningOptions options, Generator? generator = null)
    {
        CheckWorld(world);
        int s = world.Start, steps = 0;
        double total = 0;
        bool done = false;
        while (!done && steps < options.MaxStepsPerEpisode)
        {
            int a = Act(s, epsilon, generator);                 // act
            var (next, reward, ended) = world.Step(s, a);      // the environment answers
            Update(s, a, reward, next, ended, options.LearningRate, options.Discount); // learn
            total += reward;
            steps++;
            s = next;
            done = ended;
        }
        return new Episode(total, steps, s == world.Goal);
    }

    /// <summary>Runs <see cref="QLearningOptions.Episodes"/> episodes with ε falling linearly from start to end value; returns every episode.</summary>
    public IReadOnlyList<Episode> Train(GridWorld world, QLearningOptions options, Generator? generator = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Episodes < 1) throw new ArgumentOutOfRangeException(nameof(options), options.Episodes, "Episodes must be at least 1.");
        var episodes = new List<Episode>(options.Episodes);
        for (int e = 0; e < options.Episodes; e++)
        {
            double fraction = options.Episodes == 1 ? 1 : (double)e / (options.Episodes - 1);
            double epsilon = options.EpsilonStart + (options.EpsilonEnd - options.EpsilonStart) * fraction;
            episodes.Add(RunEpisode(world, epsilon, options, generator));
        }
        return episodes;
    }

    /// <summary>The greedy policy: the best action in every state.</summary>
    public int[] GreedyPolicy()
    {
        using var scope = NewDisposeScope();
        return Q.argmax(1).data<long>().ToArray().Select(a => (int)a).ToArray();
    }

    /// <summary>V(s) = max_a Q[s, a] for every state, float64 [S].</summary>
    public Tensor StateValues() => Q.max(1).values;

    void CheckWorld(GridWorld world)
    {
        ArgumentNullException.ThrowIfNull(world);
        if (world.StateCount != StateCount || GridWorld.ActionCount != ActionCount)
            throw new ArgumentException($"The agent's table is [{StateCount}, {ActionCount}] but the world has {world.StateCount} states and {GridWorld.ActionCount} actions.", nameof(world));
    }

    void CheckState(int state, string name)
    {
        if (state < 0 || state >= StateCount) throw new ArgumentOutOfRangeException(name, state, $"States are 0..{StateCount - 1}.");
    }

    public void Dispose() => Q.Dispose();
}
