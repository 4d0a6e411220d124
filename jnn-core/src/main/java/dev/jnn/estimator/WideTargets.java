package dev.jnn.estimator;

import dev.jnn.nn.Activation;
import dev.jnn.nn.Dense;
import dev.jnn.nn.Parameter;
import dev.jnn.tensor.DType;
import dev.jnn.tensor.Gemm;
import dev.jnn.tensor.Tensor;
import dev.jnn.util.NumpySum;

import java.util.ArrayList;
import java.util.List;

/**
 * A float32 regressor trained on a float64 target, as numpy runs scikit-learn's: scikit-learn casts X to float32
 * but leaves y as given, so {@code activations[-1] - y} is float64, and with it every delta, every gradient and
 * (from the first step on) the optimizer's moments or velocities. The weights stay float32: numpy's in-place
 * {@code coef += update} computes in float64 and rounds into the float32 array. The forward pass, the activation
 * derivatives ({@code 1 - Z**2} for tanh) and the L2 term {@code alpha * W} are float32 operations whose results
 * are then widened, as numpy's type rules make them.
 *
 * <p>The optimizer steps float64 twins of the weights: before each step they take the float32 values, after it
 * the float32 weights take their rounded values. Once they exist the optimizer's state is float64 for good, as
 * numpy's arrays are, so a later step on a float32 target widens that target's gradients into them.
 */
final class WideTargets {
    private final MultilayerPerceptron m;
    private final List<Parameter> twins = new ArrayList<>();

    WideTargets(MultilayerPerceptron m) {
        this.m = m;
        for (Parameter p : m.net.parameters()) {
            twins.add(Parameter.of(p.name(), Tensor.zeros(DType.FLOAT64, p.value().shape())));
        }
    }

    /** The float64 parameters the optimizer steps (and keys its state by). */
    List<Parameter> parameters() {
        return twins;
    }

    /**
     * scikit-learn's {@code _backprop} on a batch of float32 rows {@code xb} and float64 targets {@code yb}: returns
     * the batch's loss with its L2 term and leaves the float64 gradients in the twins.
     */
    double backprop(Tensor xb, Tensor yb) {
        List<Dense> layers = m.layers;
        int n = xb.rows();
        Tensor[] a = new Tensor[layers.size() + 1];
        a[0] = xb;
        for (int i = 0; i < layers.size(); i++) {
            a[i + 1] = layers.get(i).forward(a[i]);
        }
        Tensor out = a[layers.size()];
        int k = out.cols();
        double[] delta = new double[n * k];
        double[] squares = new double[n * k];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < k; c++) {
                double p = out.get(r, c);
                double e = yb.get(r, c) - p;
                squares[r * k + c] = e * e;
                delta[r * k + c] = p - yb.get(r, c);
            }
        }
        double loss = NumpySum.sum(squares) / squares.length / 2;
        double values = 0;   // a float32 np.dot per layer, added up in float64 (Python's 0 + float32 is float64)
        for (Dense d : layers) {
            float s = 0;
            for (double v : d.kernel().value().toDoubleArray()) {
                s += (float) v * (float) v;
            }
            values += s;
        }
        double alpha = m.params.alpha();
        loss += 0.5 * alpha * values / n;
        Tensor dz = Tensor.wrap(delta, n, k);
        for (int i = layers.size() - 1; i >= 0; i--) {
            Dense d = layers.get(i);
            Parameter kernel = twins.get(2 * i);
            Parameter bias = twins.get(2 * i + 1);
            Gemm.gemm(true, false, 1.0, a[i].to(DType.FLOAT64), dz, 0.0, kernel.grad());
            double[] w = d.kernel().value().toDoubleArray();
            double[] g = kernel.grad().doubleData();
            for (int j = 0; j < w.length; j++) {
                g[j] = (g[j] + (float) alpha * (float) w[j]) / n;   // alpha * W: numpy casts alpha to float32
            }
            double[] b = bias.grad().doubleData();
            java.util.Arrays.fill(b, 0);
            for (int r = 0; r < n; r++) {
                for (int c = 0; c < dz.cols(); c++) {
                    b[c] += dz.get(r, c);
                }
            }
            for (int c = 0; c < b.length; c++) {
                b[c] /= n;
            }
            if (i > 0) {
                Tensor prev = Tensor.zeros(DType.FLOAT64, n, d.inputs());
                Gemm.gemm(false, true, 1.0, dz, d.kernel().value().to(DType.FLOAT64), 0.0, prev);
                derivative(layers.get(i - 1).activation(), a[i], prev);
                dz = prev;
            }
        }
        return loss;
    }

    /** numpy's in-place derivatives: the float32 factor of the activations Z, widened into the float64 delta. */
    private static void derivative(Activation f, Tensor z, Tensor delta) {
        double[] d = delta.doubleData();
        int cols = delta.cols();
        for (int r = 0; r < delta.rows(); r++) {
            for (int c = 0; c < cols; c++) {
                float v = (float) z.get(r, c);
                int at = r * cols + c;
                switch (f) {
                    case IDENTITY -> { }
                    case RELU -> d[at] = v == 0 ? 0 : d[at];
                    case TANH -> d[at] = d[at] * (1f - v * v);
                    case LOGISTIC -> d[at] = d[at] * v * (1f - v);
                    default -> throw new IllegalStateException("no derivative for " + f);
                }
            }
        }
    }

    /**
     * One optimizer step: the twins take the float32 weights (and, when {@code narrowGradients}, the gradients
     * of a float32 backward pass), the optimizer moves them in float64, and the weights take them back rounded.
     */
    void step(boolean narrowGradients) {
        List<Parameter> params = m.net.parameters();
        for (int i = 0; i < params.size(); i++) {
            params.get(i).value().to(DType.FLOAT64).copyInto(twins.get(i).value(), 0);
            if (narrowGradients) {
                params.get(i).grad().to(DType.FLOAT64).copyInto(twins.get(i).grad(), 0);
            }
        }
        m.optimizer.step(twins);
        for (int i = 0; i < params.size(); i++) {
            twins.get(i).value().to(DType.FLOAT32).copyInto(params.get(i).value(), 0);
        }
    }
}
