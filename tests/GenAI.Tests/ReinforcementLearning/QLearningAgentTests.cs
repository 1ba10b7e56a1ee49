using GenAI.ReinforcementLearning;
using static TorchSharp.torch;

namespace GenAI.Tests.ReinforcementLearning;

public class QLearningAgentTests
{
    [Fact]
    public void One_update_moves_Q_by_alpha_times_the_temporal_difference()
    {
        // By hand: Q[s, a] = 0, r = -1, γ = 0.9, max Q[s'] = 10, α = 0.5:
        // target = -1 + 0.9·10 = 8, TD error = 8 - 0 = 8, Q[s, a] = 0 + 0.5·8 = 4.
        using var agent = new QLearningAgent(stateCount: 3, actionCount: 2);
        agent.Q[2, 1] = tensor(10.0);
        double td = agent.Update(state: 0, action: 1, reward: -1, next: 2, done: false, learningRate: 0.5, discount: 0.9);
        Assert.Equal(8.0, td, 12);
        Assert.Equal(4.0, agent.Q[0, 1].item<double>(), 12);
        // At the end of an episode there is no future: target = r = 9, TD = 9 - 4 = 5, Q = 4 + 0.5·5 = 6.5.
        agent.Update(0, 1, reward: 9, next: 2, done: true, learningRate: 0.5, discount: 0.9);
        Assert.Equal(6.5, agent.Q[0, 1].item<double>(), 12);
        Assert.Equal(0.0, agent.Q[0, 0].item<double>());
    }

    [Fact]
    public void After_training_the_greedy_policy_walks_a_shortest_path_and_returns_rise()
    {
        var world = GridWorld.Small();
        using var agent = new QLearningAgent(world);
        var options = new QLearningOptions(Episodes: 300);
        var episodes = agent.Train(world, options, new Generator(3));
        var path = world.Follow(agent.GreedyPolicy());
        Assert.Equal(world.Goal, path[^1]);
        Assert.Equal(world.ShortestPathLength(), path.Count - 1);
        double early = episodes.Take(30).Average(e => e.Return), late = episodes.TakeLast(30).Average(e => e.Return);
        Assert.True(late > early + 5, $"mean return should rise: first 30 episodes {early:F2}, last 30 {late:F2}");
        Assert.True(episodes.TakeLast(30).Count(e => e.ReachedGoal) >= 25);
    }

    [Fact]
    public void The_learned_value_of_the_start_is_the_optimal_value_from_value_iteration()
    {
        var world = GridWorld.Small();
        using var agent = new QLearningAgent(world);
        var options = new QLearningOptions(Episodes: 400, Discount: 0.9);
        agent.Train(world, options, new Generator(8));
        double optimal = ValueIteration(world, options.Discount)[world.Start];
        // By hand for this world: 6 moves at -1, then the 7th pays -1 + 10: V* = -Σ_{k<6} 0.9^k + 0.9^6·9.
        double byHand = -Enumerable.Range(0, 6).Sum(k => Math.Pow(0.9, k)) + Math.Pow(0.9, 6) * 9;
        Assert.Equal(byHand, optimal, 9);
        using var values = agent.StateValues();
        Assert.Equal(optimal, values[world.Start].item<double>(), 3);
    }

    [Fact]
    public void A_table_that_does_not_fit_the_world_or_a_bad_epsilon_is_an_error()
    {
        using var agent = new QLearningAgent(5, 4);
        var e = Assert.Throws<ArgumentException>(() => agent.RunEpisode(GridWorld.Small(), 0.1, new QLearningOptions()));
        Assert.Contains("[5, 4]", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => agent.Act(0, 1.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => agent.Update(7, 0, 0, 0, false, 0.5, 0.9));
    }

    /// <summary>The reference: V*(s) = max_a [r(s, a) + γ V*(s')] iterated to a fixed point (plain loops, no agent code).</summary>
    static double[] ValueIteration(GridWorld world, double gamma)
    {
        var v = new double[world.StateCount];
        for (int sweep = 0; sweep < 500; sweep++)
        {
            var next = new double[world.StateCount];
            for (int s = 0; s < world.StateCount; s++)
            {
                if (world.IsWall(s) || world.IsTerminal(s)) continue;
                next[s] = Enumerable.Range(0, GridWorld.ActionCount).Max(a =>
                {
                    var (n, r, done) = world.Step(s, a);
                    return r + (done ? 0 : gamma * v[n]);
                });
            }
            v = next;
        }
        return v;
    }
}
