namespace GenAI.ReinforcementLearning;

/// <summary>
/// A tiny deterministic grid world, the environment of the reinforcement-learning loop. The agent
/// stands on a cell (its state), picks one of four moves (its action), and the world answers with
/// the next cell and a reward: <see cref="StepReward"/> for every move (a cost, so shorter is better),
/// <see cref="GoalReward"/> on reaching the goal and <see cref="PitReward"/> on falling into a pit;
/// goal and pit end the episode. A move into a wall or off the grid leaves the agent where it is.
/// The map is drawn with characters: S start, G goal, # wall, P pit, . free.
/// </summary>
public sealed class GridWorld
{
    /// <summary>Action numbers: 0 up, 1 right, 2 down, 3 left.</summary>
    public const int ActionCount = 4;
    public static readonly IReadOnlyList<string> ActionNames = ["up", "right", "down", "left"];
    /// <summary>One arrow per action, for drawing a policy.</summary>
    public static readonly IReadOnlyList<string> ActionArrows = ["↑", "→", "↓", "←"];
    static readonly (int Row, int Column)[] Moves = [(-1, 0), (0, 1), (1, 0), (0, -1)];

    readonly char[,] cells;

    public GridWorld(IReadOnlyList<string> map, double stepReward = -1, double goalReward = 10, double pitReward = -10)
    {
        ArgumentNullException.ThrowIfNull(map);
        if (map.Count == 0 || map[0].Length == 0) throw new ArgumentException("The map needs at least one row and one column.", nameof(map));
        Rows = map.Count;
        Columns = map[0].Length;
        cells = new char[Rows, Columns];
        int starts = 0, goals = 0;
        for (int r = 0; r < Rows; r++)
        {
            if (map[r].Length != Columns)
                throw new ArgumentException($"Every map row must have {Columns} characters; row {r} (\"{map[r]}\") has {map[r].Length}.", nameof(map));
            for (int c = 0; c < Columns; c++)
            {
                char cell = map[r][c];
                if ("SG#P.".IndexOf(cell) < 0)
                    throw new ArgumentException($"Map row {r}, column {c}: '{cell}' is not one of S (start), G (goal), # (wall), P (pit), . (free).", nameof(map));
                if (cell == 'S') { starts++; Start = r * Columns + c; }
                if (cell == 'G') { goals++; Goal = r * Columns + c; }
                cells[r, c] = cell;
            }
        }
        if (starts != 1 || goals != 1)
            throw new ArgumentException($"The map needs exactly one S and one G; it has {starts} S and {goals} G.", nameof(map));
        StepReward = stepReward;
        GoalReward = goalReward;
        PitReward = pitReward;
    }

    /// <summary>The course's 4 x 5 world: a wall in the middle, a pit beside the short cut, the goal in the far corner.</summary>
    public static GridWorld Small() => new([
        "S....",
        ".##P.",
        "...#.",
        "P...G",
    ]);

    public int Rows { get; }
    public int Columns { get; }
    /// <summary>Number of states: one per cell (walls included, though the agent never stands on one).</summary>
    public int StateCount => Rows * Columns;
    public int Start { get; }
    public int Goal { get; }
    public double StepReward { get; }
    public double GoalReward { get; }
    public double PitReward { get; }

    public int StateOf(int row, int column) => row * Columns + column;
    public (int Row, int Column) CellOf(int state) => (state / Columns, state % Columns);
    public char CellAt(int state) { CheckState(state); var (r, c) = CellOf(state); return cells[r, c]; }
    public bool IsWall(int state) => CellAt(state) == '#';
    /// <summary>Goal and pits end an episode.</summary>
    public bool IsTerminal(int state) => CellAt(state) is 'G' or 'P';

    /// <summary>The environment's answer to <paramref name="action"/> in <paramref name="state"/>: next state, reward, and whether the episode ended.</summary>
    public (int Next, double Reward, bool Done) Step(int state, int action)
    {
        CheckState(state);
        if (action < 0 || action >= ActionCount) throw new ArgumentOutOfRangeException(nameof(action), action, "Actions are 0 up, 1 right, 2 down, 3 left.");
        if (IsTerminal(state) || IsWall(state)) throw new InvalidOperationException($"State {state} {CellOf(state)} is a {CellAt(state)} cell; no move starts there.");
        var (r, c) = CellOf(state);
        int nr = r + Moves[action].Row, nc = c + Moves[action].Column;
        int next = nr < 0 || nr >= Rows || nc < 0 || nc >= Columns || cells[nr, nc] == '#' ? state : StateOf(nr, nc);
        return cells[next / Columns, next % Columns] switch
        {
            'G' => (next, StepReward + GoalReward, true),
            'P' => (next, StepReward + PitReward, true),
            _ => (next, StepReward, false),
        };
    }

    /// <summary>Fewest moves from start to goal avoiding walls and pits (breadth-first search), or -1 when the goal cannot be reached.</summary>
    public int ShortestPathLength()
    {
        var distance = Enumerable.Repeat(-1, StateCount).ToArray();
        distance[Start] = 0;
        var queue = new Queue<int>([Start]);
        while (queue.Count > 0)
        {
            int s = queue.Dequeue();
            if (s == Goal) return distance[s];
            if (IsTerminal(s)) continue;
            for (int a = 0; a < ActionCount; a++)
            {
                var (next, _, _) = Step(s, a);
                if (distance[next] < 0 && CellAt(next) != 'P') { distance[next] = distance[s] + 1; queue.Enqueue(next); }
            }
        }
        return -1;
    }

    /// <summary>The states visited from the start when every move is <paramref name="policy"/>[state], until a terminal state or <paramref name="maxSteps"/> moves.</summary>
    public IReadOnlyList<int> Follow(IReadOnlyList<int> policy, int maxSteps = 100)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (policy.Count != StateCount) throw new ArgumentException($"A policy needs one action per state ({StateCount}); got {policy.Count}.", nameof(policy));
        var path = new List<int> { Start };
        int s = Start;
        for (int i = 0; i < maxSteps && !IsTerminal(s); i++)
        {
            s = Step(s, policy[s]).Next;
            path.Add(s);
        }
        return path;
    }

    /// <summary>The map with each free cell showing its arrow under <paramref name="policy"/> (S, G, # and P cells keep their letter, S shows its arrow too).</summary>
    public string[,] PolicyArrows(IReadOnlyList<int> policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (policy.Count != StateCount) throw new ArgumentException($"A policy needs one action per state ({StateCount}); got {policy.Count}.", nameof(policy));
        var arrows = new string[Rows, Columns];
        for (int s = 0; s < StateCount; s++)
        {
            var (r, c) = CellOf(s);
            arrows[r, c] = cells[r, c] switch
            {
                '.' => ActionArrows[policy[s]],
                'S' => "S" + ActionArrows[policy[s]],
                var other => other.ToString(),
            };
        }
        return arrows;
    }

    void CheckState(int state)
    {
        if (state < 0 || state >= StateCount)
            throw new ArgumentOutOfRangeException(nameof(state), state, $"States are 0..{StateCount - 1} on this {Rows} x {Columns} grid.");
    }
}
