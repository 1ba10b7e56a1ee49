// Process-wide runtime settings of libtorch (CPU thread pools).
#include "common.h"

#include <ATen/Parallel.h>

GT_API int gt_set_num_threads(int n) { GT_TRY(at::set_num_threads(n)); }
GT_API int gt_get_num_threads() { GT_RETURN_VALUE(-1, at::get_num_threads()); }
GT_API int gt_set_num_interop_threads(int n) { GT_TRY(at::set_num_interop_threads(n)); }
GT_API int gt_get_num_interop_threads() { GT_RETURN_VALUE(-1, at::get_num_interop_threads()); }
