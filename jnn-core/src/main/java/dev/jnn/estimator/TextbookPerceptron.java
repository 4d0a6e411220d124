package dev.jnn.estimator;

import dev.jnn.tensor.DType;
import dev.jnn.tensor.Tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The perceptron learning rule as the lecture gives it: the bias is an extra input fixed at 1 (weight 0), the unit
 * fires ({@code +1}) when {@code w·x > 0}, and on each misclassified point, in data order, {@code w ← w + η·y·x}
 * with y = ±1. Passes repeat until one makes no mistake (the data were separated) or {@code maxIter} passes ran.
 *
 * @param weights    the bias weight first, then one per feature
 * @param separated  whether the last pass classified every point right
 * @param updates    the number of updates (mistakes) in all passes
 * @param passes     the passes over the data
 * @param trajectory the weights after each update, starting with the initial zeros
 * @param classes    the two labels: the first is −1, the second +1
 */
public record TextbookPerceptron(double[] weights, boolean separated, int updates, int passes,
                                 List<double[]> trajectory, int[] classes) {

    /** Runs the rule on rows {@code x} with two classes of labels {@code y}. */
    public static TextbookPerceptron fit(Tensor x, int[] y, double eta, int maxIter) {
        InputValidation.check(x, Perceptron.NAME);
        InputValidation.sameLength(x.rows(), y.length);
        if (!(eta > 0) || maxIter < 1) {
            throw new IllegalArgumentException("the perceptron rule needs eta > 0 and max_iter >= 1, got eta=" + eta
                    + ", max_iter=" + maxIter);
        }
        int[] classes = Arrays.stream(y).distinct().sorted().toArray();
        if (classes.length != 2) {
            throw new IllegalArgumentException("the perceptron rule separates two classes; y has " + classes.length);
        }
        Tensor x64 = x.dtype() == DType.FLOAT64 ? x : x.to(DType.FLOAT64);
        int d = x64.cols();
        double[] w = new double[d + 1];
        List<double[]> trajectory = new ArrayList<>();
        trajectory.add(w.clone());
        int updates = 0;
        int passes = 0;
        boolean separated = false;
        while (passes < maxIter && !separated) {
            passes++;
            separated = true;
            for (int r = 0; r < x64.rows(); r++) {
                double target = y[r] == classes[1] ? 1 : -1;
                double z = w[0];
                for (int j = 0; j < d; j++) {
                    z += w[j + 1] * x64.get(r, j);
                }
                double out = z > 0 ? 1 : -1;
                if (out != target) {
                    w[0] += eta * target;
                    for (int j = 0; j < d; j++) {
                        w[j + 1] += eta * target * x64.get(r, j);
                    }
                    updates++;
                    separated = false;
                    trajectory.add(w.clone());
                }
            }
        }
        return new TextbookPerceptron(w, separated, updates, passes, List.copyOf(trajectory), classes);
    }

    /** The label of each row under the final weights. */
    public int[] predict(Tensor x) {
        int[] out = new int[x.rows()];
        for (int r = 0; r < out.length; r++) {
            double z = weights[0];
            for (int j = 1; j < weights.length; j++) {
                z += weights[j] * x.get(r, j - 1);
            }
            out[r] = z > 0 ? classes[1] : classes[0];
        }
        return out;
    }
}
