package dev.jnn.estimator;

import dev.jnn.nn.Activation;
import dev.jnn.nn.Dense;
import dev.jnn.nn.Parameter;
import dev.jnn.tensor.Buffers;
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
    private Tensor[] inputs;    // per layer: its float32 input rows, widened
    private Tensor[] deltas;    // per layer: the float64 delta of its output
    private Tensor[] kernels;   // per layer: its float32 kernel, widened
    private double[] squares;

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
     * the batch's loss with its L2 term and leaves the float64 gradients in the twins. The float64 copies it works
     * on live in buffers kept from batch to batch.
     */
    double backprop(Tensor xb, Tensor yb) {
        List<Dense> layers = m.layers;
        int layerCount = layers.size();
        int n = xb.rows();
        if (inputs == null) {
            inputs = new Tensor[layerCount];
            deltas = new Tensor[layerCount];
            kernels = new Tensor[layerCount];
        }
        Tensor[] a = new Tensor[layerCount + 1];
        a[0] = xb;
        for (int i = 0; i < layerCount; i++) {
            a[i + 1] = layers.get(i).forward(a[i]);
        }
        Tensor out = a[layerCount];
        int k = out.cols();
        deltas[layerCount - 1] = Buffers.ensure(deltas[layerCount - 1], DType.FLOAT64, n, k);
        double[] delta = deltas[layerCount - 1].doubleData();
        if (squares == null || squares.length != n * k) {
            squares = new double[n * k];
        }
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
            Tensor w = d.kernel().value();
            float[] wf = w.floatData();
            float s = 0;
            for (int j = w.offset(); j < w.offset() + w.size(); j++) {
                s += wf[j] * wf[j];
            }
            values += s;
        }
        double alpha = m.params.alpha();
        loss += 0.5 * alpha * values / n;
        Tensor dz = deltas[layerCount - 1].rows(0, n);
        for (int i = layerCount - 1; i >= 0; i--) {
            Dense d = layers.get(i);
            Parameter kernel = twins.get(2 * i);
            Parameter bias = twins.get(2 * i + 1);
            inputs[i] = Buffers.ensure(inputs[i], DType.FLOAT64, n, d.inputs());
            widen(a[i], inputs[i]);
            Gemm.gemm(true, false, 1.0, inputs[i].rows(0, n), dz, 0.0, kernel.grad());
            Tensor w = d.kernel().value();
            float[] wf = w.floatData();
            double[] g = kernel.grad().doubleData();
            for (int j = 0; j < g.length; j++) {
                g[j] = (g[j] + (float) alpha * wf[w.offset() + j]) / n;   // alpha * W: numpy casts alpha to float32
            }
            double[] b = bias.grad().doubleData();
            double[] dd = dz.doubleData();
            int cols = dz.cols();
            java.util.Arrays.fill(b, 0);
            for (int r = 0; r < n; r++) {
                for (int c = 0; c < cols; c++) {
                    b[c] += dd[dz.offset() + r * cols + c];
                }
            }
            for (int c = 0; c < b.length; c++) {
                b[c] /= n;
            }
            if (i > 0) {
                kernels[i] = Buffers.ensure(kernels[i], DType.FLOAT64, d.inputs(), d.units());
                deltas[i - 1] = Buffers.ensure(deltas[i - 1], DType.FLOAT64, n, d.inputs());
                Tensor prev = deltas[i - 1].rows(0, n);
                widen(w, kernels[i]);
                Gemm.gemm(false, true, 1.0, dz, kernels[i], 0.0, prev);
                derivative(layers.get(i - 1).activation(), a[i], prev);
                dz = prev;
            }
        }
        return loss;
    }

    /** The float32 values of {@code src} widened (exactly) into the start of the float64 {@code buffer}. */
    private static void widen(Tensor src, Tensor buffer) {
        float[] f = src.floatData();
        double[] d = buffer.doubleData();
        int o = src.offset();
        int size = src.size();
        for (int j = 0; j < size; j++) {
            d[buffer.offset() + j] = f[o + j];
        }
    }

    /** numpy's in-place derivatives: the float32 factor of the activations Z, widened into the float64 delta. */
    private static void derivative(Activation f, Tensor z, Tensor delta) {
        double[] d = delta.doubleData();
        float[] zf = z.floatData();
        int cols = delta.cols();
        for (int r = 0; r < delta.rows(); r++) {
            for (int c = 0; c < cols; c++) {
                float v = zf[z.offset() + r * cols + c];
                int at = delta.offset() + r * cols + c;
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
            widen(params.get(i).value(), twins.get(i).value());
            if (narrowGradients) {
                widen(params.get(i).grad(), twins.get(i).grad());
            }
        }
        m.optimizer.step(twins);
        for (int i = 0; i < params.size(); i++) {
            Tensor w = params.get(i).value();
            float[] f = w.floatData();
            double[] d = twins.get(i).value().doubleData();
            for (int j = 0; j < d.length; j++) {
                f[w.offset() + j] = (float) d[j];   // numpy's in-place update rounds into the float32 array
            }
        }
    }
}
