// Upsample: resizes the spatial dimensions to a size or by a scale factor
// (nearest, linear, bilinear, bicubic or trilinear interpolation).
using static TorchSharp.torch;

namespace TorchSharp.Modules
{
    public class Upsample : ParameterLessModule<Tensor, Tensor>
    {
        private readonly long[]? _size;
        private readonly double[]? _scale;

        internal Upsample(long[]? size, double[]? scale_factor, UpsampleMode mode, bool? align_corners, bool? recompute_scale_factor) : base(nameof(Upsample))
        {
            if ((size is null) == (scale_factor is null))
                throw new ArgumentException("Upsample: give exactly one of size and scale_factor");
            if (mode == UpsampleMode.Nearest && align_corners is not null)
                throw new ArgumentException("Upsample: align_corners applies only to the linear, bilinear, bicubic and trilinear modes");
            _size = size;
            _scale = scale_factor;
            this.mode = mode;
            this.align_corners = align_corners;
            this.recompute_scale_factor = recompute_scale_factor;
        }

        public bool? recompute_scale_factor { get; set; }
        public UpsampleMode mode { get; }
        public bool? align_corners { get; }
        public ReadOnlySpan<long> size => _size;
        public ReadOnlySpan<double> scale_factor => _scale;

        public override Tensor forward(Tensor input) =>
            torch.nn.functional.interpolate(input, _size, _scale, (InterpolationMode)(int)mode,
                mode == UpsampleMode.Nearest ? null : align_corners ?? false, recompute_scale_factor ?? false);
    }
}

namespace TorchSharp
{
    using TorchSharp.Modules;

    public static partial class torch
    {
        public static partial class nn
        {
            public static Upsample Upsample(long[]? size = null, double[]? scale_factor = null, UpsampleMode mode = UpsampleMode.Nearest,
                bool? align_corners = null, bool? recompute_scale_factor = null) =>
                new(size, scale_factor, mode, align_corners, recompute_scale_factor);
        }
    }
}
