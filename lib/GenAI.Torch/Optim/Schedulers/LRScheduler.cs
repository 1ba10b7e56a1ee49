// LRScheduler: changes the learning rate of every parameter group of an optimizer
// once per step() (usually once per epoch). As in PyTorch, constructing a scheduler
// records each group's initial learning rate and performs the first step (epoch 0),
// and get_last_lr() returns the rates the last step set.
namespace TorchSharp
{
    public static partial class torch
    {
        public static partial class optim
        {
            public static partial class lr_scheduler
            {
                public abstract class LRScheduler
                {
                    protected readonly Optimizer _optimizer;
                    protected int _last_epoch;
                    protected readonly double[] _base_lrs;
                    protected double[] _last_lrs = Array.Empty<double>();
                    protected int _step_count;
                    private readonly bool _verbose;

                    internal Optimizer Optimizer => _optimizer;
                    internal int LastEpoch { get => _last_epoch; set => _last_epoch = value; }

                    protected LRScheduler() { _optimizer = null!; _base_lrs = Array.Empty<double>(); }

                    protected LRScheduler(Optimizer optimizer, int last_epoch = -1, bool verbose = false)
                    {
                        _optimizer = optimizer ?? throw new ArgumentNullException(nameof(optimizer));
                        _verbose = verbose;
                        var groups = optimizer.ParamGroups.ToList();
                        if (last_epoch == -1)
                            foreach (var g in groups)
                            {
                                if (g is Modules.ParamGroup { InitialRateRecorded: true }) continue;
                                g.InitialLearningRate = g.LearningRate;
                                if (g is Modules.ParamGroup pg) pg.InitialRateRecorded = true;
                            }
                        _base_lrs = groups.Select(g => g.InitialLearningRate).ToArray();
                        _last_epoch = last_epoch;
                    }

                    /// <summary>Call at the end of a derived constructor: PyTorch's initial step to epoch last_epoch + 1.</summary>
                    protected void InitialStep()
                    {
                        _step_count = 0;
                        step();
                    }

                    /// <summary>Redoes the initial step (SequentialLR restarts its first scheduler this way).</summary>
                    internal void RedoInitialStep() => InitialStep();

                    /// <summary>The learning rates of the groups after the last step.</summary>
                    public IEnumerable<double> get_last_lr() => _last_lrs;

                    /// <summary>Current learning rate of each group.</summary>
                    protected double[] CurrentLrs => _optimizer.ParamGroups.Select(g => g.LearningRate).ToArray();

                    /// <summary>The learning rates for epoch _last_epoch, from the current ones (PyTorch's chainable form).</summary>
                    protected abstract double[] get_lr();

                    /// <summary>The learning rates for an epoch reached directly (step(epoch)); by default the chainable form.</summary>
                    protected virtual double[] get_closed_form_lr() => get_lr();

                    public virtual void step()
                    {
                        _step_count++;
                        _last_epoch++;
                        Apply(get_lr());
                    }

                    public virtual void step(int? epoch)
                    {
                        if (epoch is null) { step(); return; }
                        _step_count++;
                        _last_epoch = epoch.Value;
                        Apply(get_closed_form_lr());
                    }

                    /// <summary>For schedulers driven by a metric (ReduceLROnPlateau); the others ignore current.</summary>
                    public virtual void step(double current, int? epoch = null) => step(epoch);

                    private void Apply(double[] lrs)
                    {
                        int k = 0;
                        foreach (var g in _optimizer.ParamGroups)
                        {
                            g.LearningRate = lrs[k];
                            if (_verbose) Console.WriteLine($"Adjusting learning rate of group {k} to {lrs[k]:E4}.");
                            k++;
                        }
                        _last_lrs = lrs;
                    }
                }
            }
        }
    }
}
