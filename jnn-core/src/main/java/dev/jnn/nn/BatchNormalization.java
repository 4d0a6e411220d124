package dev.jnn.nn;

import dev.jnn.tensor.Buffers;
import dev.jnn.tensor.DType;
import dev.jnn.tensor.Rng;
import dev.jnn.tensor.Tensor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Batch normalisation over the last axis (features, or channels of images), as Keras's
 * {@code BatchNormalization}: in training each channel is normalised with the batch's mean and biased variance, and
 * the moving statistics move by {@code moving = momentum·moving + (1 − momentum)·batch}; in inference the moving
 * statistics are used. Then {@code y = γ·x̂ + β}. Defaults are Keras's: momentum 0.99, ε 0.001. (PyTorch's
 * {@code momentum=0.1} is Keras's 0.9; PyTorch also keeps the unbiased variance in its running estimate.)
 * Statistics accumulate in double.
 */
public final class BatchNormalization implements Layer {
    private final double momentum;
    private final double epsilon;
    private int[] shape;
    private int channels;
    private Parameter gamma;
    private Parameter beta;
    private Parameter movingMean;
    private Parameter movingVariance;
    private double[] xhat = new double[0];
    private double[] invStd;
    private Tensor outBuffer;
    private Tensor inGradBuffer;
    private int rows;

    /** Keras's defaults: momentum 0.99, epsilon 0.001. */
    public BatchNormalization() {
        this(0.99, 1e-3);
    }

    /** Momentum in [0, 1] for the moving statistics, and ε > 0 added to the variance. */
    public BatchNormalization(double momentum, double epsilon) {
        if (!(momentum >= 0 && momentum <= 1) || !(epsilon > 0)) {
            throw new IllegalArgumentException("BatchNormalization: need momentum in [0, 1] and epsilon > 0, got "
                    + momentum + " and " + epsilon);
        }
        this.momentum = momentum;
        this.epsilon = epsilon;
    }

    @Override
    public String type() {
        return "BatchNormalization";
    }

    @Override
    public int[] build(int[] inputShape, DType dtype, Rng rng) {
        shape = inputShape.clone();
        channels = shape[shape.length - 1];
        gamma = Parameter.of("gamma", Tensor.zeros(dtype, channels));
        beta = Parameter.of("beta", Tensor.zeros(dtype, channels));
        movingMean = Parameter.of("moving_mean", Tensor.zeros(dtype, channels));
        movingVariance = Parameter.of("moving_variance", Tensor.zeros(dtype, channels));
        Init.ones().fill(gamma.value(), 1, 1, rng);
        Init.ones().fill(movingVariance.value(), 1, 1, rng);
        invStd = new double[channels];
        outBuffer = inGradBuffer = null;
        return outputShape();
    }

    @Override
    public int[] outputShape() {
        return shape.clone();
    }

    /** γ then β. */
    @Override
    public List<Parameter> parameters() {
        return List.of(gamma, beta);
    }

    /** The moving mean and moving variance. */
    @Override
    public List<Parameter> buffers() {
        return List.of(movingMean, movingVariance);
    }

    @Override
    public Tensor forward(Tensor x, boolean training) {
        int cols = Layer.size(shape);
        SampleShapes.checkInput("BatchNormalization", x, cols);
        rows = x.rows();
        int r = rows * (cols / channels);
        outBuffer = Buffers.ensure(outBuffer, x.dtype(), rows, cols);
        Tensor out = outBuffer.rows(0, rows);
        double[] mean = new double[channels];
        double[] variance = new double[channels];
        if (training) {
            for (int i = 0; i < r; i++) {
                for (int c = 0; c < channels; c++) {
                    mean[c] += x.getFlat(i * channels + c);
                }
            }
            for (int c = 0; c < channels; c++) {
                mean[c] /= r;
            }
            for (int i = 0; i < r; i++) {
                for (int c = 0; c < channels; c++) {
                    double d = x.getFlat(i * channels + c) - mean[c];
                    variance[c] += d * d;
                }
            }
            for (int c = 0; c < channels; c++) {
                variance[c] /= r;
                Tensor mm = movingMean.value();
                Tensor mv = movingVariance.value();
                mm.setFlat(c, momentum * mm.getFlat(c) + (1 - momentum) * mean[c]);
                mv.setFlat(c, momentum * mv.getFlat(c) + (1 - momentum) * variance[c]);
            }
            if (xhat.length < r * channels) {
                xhat = new double[r * channels];
            }
        } else {
            for (int c = 0; c < channels; c++) {
                mean[c] = movingMean.value().getFlat(c);
                variance[c] = movingVariance.value().getFlat(c);
            }
        }
        double[] g = gamma.value().toDoubleArray();
        double[] b = beta.value().toDoubleArray();
        for (int c = 0; c < channels; c++) {
            invStd[c] = 1 / Math.sqrt(variance[c] + epsilon);
        }
        for (int i = 0; i < r; i++) {
            for (int c = 0; c < channels; c++) {
                int k = i * channels + c;
                double h = (x.getFlat(k) - mean[c]) * invStd[c];
                if (training) {
                    xhat[k] = h;
                }
                out.setFlat(k, g[c] * h + b[c]);
            }
        }
        return out;
    }

    @Override
    public Tensor backward(Tensor g, boolean needInputGrad) {
        int cols = Layer.size(shape);
        int r = rows * (cols / channels);
        double[] sumG = new double[channels];
        double[] sumGX = new double[channels];
        for (int i = 0; i < r; i++) {
            for (int c = 0; c < channels; c++) {
                int k = i * channels + c;
                double gk = g.getFlat(k);
                sumG[c] += gk;
                sumGX[c] += gk * xhat[k];
            }
        }
        for (int c = 0; c < channels; c++) {
            gamma.grad().setFlat(c, sumGX[c]);
            beta.grad().setFlat(c, sumG[c]);
        }
        if (!needInputGrad) {
            return null;
        }
        inGradBuffer = Buffers.ensure(inGradBuffer, g.dtype(), rows, cols);
        Tensor dx = inGradBuffer.rows(0, rows);
        double[] scale = new double[channels];
        for (int c = 0; c < channels; c++) {
            scale[c] = gamma.value().getFlat(c) * invStd[c] / r;
        }
        for (int i = 0; i < r; i++) {
            for (int c = 0; c < channels; c++) {
                int k = i * channels + c;
                dx.setFlat(k, scale[c] * (r * g.getFlat(k) - sumG[c] - xhat[k] * sumGX[c]));
            }
        }
        return dx;
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("momentum", momentum);
        c.put("epsilon", epsilon);
        return c;
    }
}
