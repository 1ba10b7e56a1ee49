using GenAI.ReinforcementLearning;

namespace GenAI.Tests.ReinforcementLearning;

public class GridWorldTests
{
    [Fact]
    public void Moves_cost_a_step_walls_and_edges_block_and_goal_and_pit_end_the_episode()
    {
        var world = new GridWorld(["S#G", ".P."], stepReward: -1, goalReward: 10, pitReward: -5);
        // up from the start hits the edge, right hits the wall: the agent stays and pays the step.
        Assert.Equal((0, -1.0, false), world.Step(0, 0));
        Assert.Equal((0, -1.0, false), world.Step(0, 1));
        Assert.Equal((3, -1.0, false), world.Step(0, 2));
        Assert.Equal((4, -6.0, true), world.Step(3, 1));   // into the pit: step + pit
        Assert.Equal((2, 9.0, true), world.Step(5, 0));    // up into the goal: step + goal
        Assert.True(world.IsTerminal(2) && world.IsTerminal(4) && world.IsWall(1));
    }

    [Fact]
    public void The_shortest_path_goes_around_walls_and_pits()
    {
        // By hand: the course's world needs 3 moves down and 4 right; both corridors are open, so 7.
        Assert.Equal(7, GridWorld.Small().ShortestPathLength());
        // Here the direct route is walled and the pits close the bottom row: up, four right, down = 6 moves.
        var detour = new GridWorld([
            ".....",
            "S#.#G",
            ".PP#.",
        ]);
        Assert.Equal(6, detour.ShortestPathLength());
        Assert.Equal(-1, new GridWorld(["S#G"]).ShortestPathLength());
    }

    [Fact]
    public void Following_a_policy_lists_the_states_until_the_goal_and_arrows_draw_it()
    {
        var world = new GridWorld(["S.G"]);
        var right = new[] { 1, 1, 1 };
        Assert.Equal(new[] { 0, 1, 2 }, world.Follow(right));
        var arrows = world.PolicyArrows(right);
        Assert.Equal("S→", arrows[0, 0]);
        Assert.Equal("→", arrows[0, 1]);
        Assert.Equal("G", arrows[0, 2]);
        // A policy that walks into the edge never ends: Follow stops at maxSteps.
        Assert.Equal(6, world.Follow(new[] { 3, 3, 3 }, maxSteps: 5).Count);
    }

    [Fact]
    public void A_bad_map_or_a_move_from_a_terminal_cell_is_an_error_that_says_why()
    {
        Assert.Contains("row 1", Assert.Throws<ArgumentException>(() => new GridWorld(["S.G", ".."])).Message);
        Assert.Contains("'x'", Assert.Throws<ArgumentException>(() => new GridWorld(["SxG"])).Message);
        Assert.Contains("exactly one S", Assert.Throws<ArgumentException>(() => new GridWorld(["S.S"])).Message);
        var world = new GridWorld(["S.G"]);
        Assert.Throws<InvalidOperationException>(() => world.Step(2, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => world.Step(0, 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => world.Step(3, 0));
    }
}
