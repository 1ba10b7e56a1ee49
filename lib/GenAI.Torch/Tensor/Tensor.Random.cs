using TorchSharp.PInvoke;

namespace TorchSharp;

public static partial class torch
{
    public partial class Tensor
    {
        private Tensor InPlace(int status, Generator? generator)
        {
            GC.KeepAlive(this);
            GC.KeepAlive(generator);
            Check(status);
            return this;
        }

        public Tensor uniform_(double from, double to, Generator? generator = null) =>
            InPlace(NativeMethods.gt_uniform_(Handle, from, to, GeneratorArg(generator)), generator);
        public Tensor normal_(double mean = 0, double std = 1, Generator? generator = null) =>
            InPlace(NativeMethods.gt_normal_(Handle, mean, std, GeneratorArg(generator)), generator);
        public Tensor bernoulli_(double p = 0.5, Generator? generator = null) =>
            InPlace(NativeMethods.gt_bernoulli_p_(Handle, p, GeneratorArg(generator)), generator);
        public Tensor bernoulli_(Tensor p, Generator? generator = null)
        {
            var s = NativeMethods.gt_bernoulli_t_(Handle, p.Handle, GeneratorArg(generator));
            GC.KeepAlive(p);
            return InPlace(s, generator);
        }
        /// <summary>Fills with integers drawn uniformly from [from, to).</summary>
        public Tensor random_(double from, double to, Generator? generator = null) =>
            InPlace(NativeMethods.gt_random_(Handle, (long)from, (long)to, GeneratorArg(generator)), generator);
        public Tensor exponential_(double lambda = 1, Generator? generator = null) =>
            InPlace(NativeMethods.gt_exponential_(Handle, lambda, GeneratorArg(generator)), generator);
        public Tensor geometric_(double p, Generator? generator = null) =>
            InPlace(NativeMethods.gt_geometric_(Handle, p, GeneratorArg(generator)), generator);
        public Tensor log_normal_(double mean = 0, double std = 1, Generator? generator = null) =>
            InPlace(NativeMethods.gt_log_normal_(Handle, mean, std, GeneratorArg(generator)), generator);
        public Tensor cauchy_(double median = 0, double sigma = 1, Generator? generator = null) =>
            InPlace(NativeMethods.gt_cauchy_(Handle, median, sigma, GeneratorArg(generator)), generator);

        public Tensor bernoulli(Generator? generator = null) => torch.bernoulli(this, generator);
        public Tensor multinomial(long num_samples, bool replacement = false, Generator? generator = null) =>
            torch.multinomial(this, num_samples, replacement, generator);
        public Tensor rand_like(ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
            torch.rand_like(this, dtype, device, requires_grad);
        public Tensor randn_like(ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
            torch.randn_like(this, dtype, device, requires_grad);
        public Tensor randint_like(long low, long high, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
            torch.randint_like(this, low, high, dtype, device, requires_grad);
    }
}
