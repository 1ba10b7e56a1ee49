namespace TorchSharp;

/// <summary>Kinds of device; the values are libtorch's c10::DeviceType codes, passed to the shim as-is.</summary>
public enum DeviceType
{
    CPU = 0,
    CUDA = 1,
    MKLDNN = 2,
    OPENGL = 3,
    OPENCL = 4,
    IDEEP = 5,
    HIP = 6,
    FPGA = 7,
    MSNPU = 8,
    XLA = 9,
    MPS = 13,
    META = 14,
}
