using static TorchSharp.torch;

// The part of an Adam step that Adam and AdamW share: moment estimates, bias correction
// and the parameter update. They differ only in how weight decay enters, which each does
// before calling this.
namespace TorchSharp.Modules
{
    internal static class AdamUpdate
    {
        internal static void Apply(Parameter param, Tensor g, Tensor exp_avg, Tensor exp_avg_sq, Tensor? max_exp_avg_sq,
            long step, double lr, double beta1, double beta2, double eps, bool amsgrad)
        {
            // m = beta1 * m + (1 - beta1) * g            (first moment: mean of gradients)
            exp_avg.mul_(beta1).add_(g, 1 - beta1);
            // v = beta2 * v + (1 - beta2) * g^2          (second moment: mean of squared gradients)
            exp_avg_sq.mul_(beta2).addcmul_(g, g, 1 - beta2);

            // Bias corrections undo the zero start of m and v: m_hat = m / (1 - beta1^t), v_hat = v / (1 - beta2^t)
            double biasCorrection1 = 1 - Math.Pow(beta1, step);
            double biasCorrection2 = 1 - Math.Pow(beta2, step);
            double stepSize = lr / biasCorrection1;
            double biasCorrection2Sqrt = Math.Sqrt(biasCorrection2);

            Tensor denom;
            if (amsgrad)
            {
                // AMSGrad uses the largest v seen so far, so the step size never grows back.
                max_exp_avg_sq!.copy_(torch.maximum(max_exp_avg_sq, exp_avg_sq));
                denom = (max_exp_avg_sq.sqrt() / biasCorrection2Sqrt).add_(eps);
            }
            else
            {
                denom = (exp_avg_sq.sqrt() / biasCorrection2Sqrt).add_(eps);
            }
            // p = p - lr * m_hat / (sqrt(v_hat) + eps)
            param.addcdiv_(exp_avg, denom, -stepSize);
        }
    }
}
