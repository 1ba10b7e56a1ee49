// Native helpers for torch.nn.Module that no tensor op covers.
#include "common.h"

// Replaces the data of a tensor (a parameter or buffer) while keeping the tensor
// object itself, as `param.data = new` does in PyTorch: Module.to(device/dtype)
// uses it so that fields holding the parameter stay valid.
GT_API int gt_nn_set_data(TensorHandle target, TensorHandle data) { GT_TRY(target->set_data(*data)); }
