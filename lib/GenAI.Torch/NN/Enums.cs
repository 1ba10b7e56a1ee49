// Option enums of the nn API (values and order as TorchSharp's).
namespace TorchSharp
{
    /// <summary>String padding of a convolution: "valid" (none) or "same" (output size = input size).</summary>
    public enum Padding { Valid, Same }

    /// <summary>How a convolution pads its input (Zeros is the usual zero padding).</summary>
    public enum PaddingModes { Zeros, Reflect, Replicate, Circular, Constant }

    public static partial class torch
    {
        public enum InterpolationMode { Nearest, Linear, Bilinear, Bicubic, Trilinear, Area, NearestExact }

        public enum UpsampleMode { Nearest, Linear, Bilinear, Bicubic, Trilinear }

        public static partial class nn
        {
            /// <summary>How a loss combines per-element values: keep them, average them, or add them.</summary>
            public enum Reduction { None, Mean, Sum }

            /// <summary>The non-linearity of a plain RNN.</summary>
            public enum NonLinearities { ReLU, Tanh }

            /// <summary>The activation of a transformer feed-forward block.</summary>
            public enum Activations { ReLU, GELU }
        }
    }
}
