// LambdaLR: lr(epoch) = base_lr * lr_lambda(epoch), one function for all groups or one per group.
namespace TorchSharp
{
    public static partial class torch
    {
        public static partial class optim
        {
            public static partial class lr_scheduler
            {
                public static partial class impl
                {
                    public class LambdaLR : LRScheduler
                    {
                        private readonly Func<int, double>[] _lambdas;

                        public LambdaLR(Optimizer optimizer, Func<int, double> lr_lambda, int last_epoch = -1, bool verbose = false)
                            : this(optimizer, Enumerable.Repeat(lr_lambda, optimizer.ParamGroups.Count()), last_epoch, verbose) { }

                        public LambdaLR(Optimizer optimizer, IEnumerable<Func<int, double>> lr_lambdas, int last_epoch = -1, bool verbose = false)
                            : base(optimizer, last_epoch, verbose)
                        {
                            _lambdas = lr_lambdas.ToArray();
                            if (_lambdas.Length != _base_lrs.Length)
                                throw new ArgumentException($"LambdaLR: got {_lambdas.Length} lambda(s) for {_base_lrs.Length} parameter group(s)");
                            InitialStep();
                        }

                        protected override double[] get_lr() => _base_lrs.Select((b, k) => b * _lambdas[k](_last_epoch)).ToArray();
                    }
                }

                public static LRScheduler LambdaLR(Optimizer optimizer, Func<int, double> lr_lambda, int last_epoch = -1, bool verbose = false) =>
                    new impl.LambdaLR(optimizer, lr_lambda, last_epoch, verbose);
            }
        }
    }
}
