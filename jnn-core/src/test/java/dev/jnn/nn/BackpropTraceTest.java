package dev.jnn.nn;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The lab's 1-1-1 relu network worked by hand, step by step, and the trace's refusals. */
class BackpropTraceTest {
    @Test
    void theLabsOneOneOneReluExampleByHand() {
        // weights 1, biases 0, rate 0.01, half squared error, samples 1 -> 3 then 2 -> 4.
        // sample 0: z1 = 1, a1 = 1, z2 = 1, a2 = 1; delta2 = (1 - 3) * 1 = -2; delta1 = -2 * w2 * relu'(1) = -2;
        //   gW2 = a1 * delta2 = -2, gb2 = -2, gW1 = x * delta1 = -2, gb1 = -2; so w = 1.02 and b = 0.02 in both layers.
        // sample 1: z1 = 1.02 * 2 + 0.02 = 2.06 = a1; z2 = 1.02 * 2.06 + 0.02 = 2.1212 = a2;
        //   delta2 = 2.1212 - 4 = -1.8788; delta1 = -1.8788 * 1.02 = -1.916376;
        //   gW2 = 2.06 * -1.8788 = -3.870328; gW1 = 2 * -1.916376 = -3.832752;
        //   w2 = 1.02 + 0.03870328, b2 = 0.02 + 0.018788, w1 = 1.02 + 0.03832752, b1 = 0.02 + 0.01916376.
        BackpropTrace t = new BackpropTrace(new double[][][] {{{1}}, {{1}}}, new double[][] {{0}, {0}},
                Activation.RELU, Activation.IDENTITY, BackpropTrace.TraceLoss.HALF_SQUARED_ERROR, 0.01);
        List<BackpropTrace.Step> steps = t.run(new double[][] {{1}, {2}}, new double[][] {{3}, {4}}, 1);
        BackpropTrace.Step s0 = steps.get(0);
        assertEquals(1, s0.a()[1][0], 0);
        assertEquals(-2, s0.delta()[1][0], 0);
        assertEquals(-2, s0.delta()[0][0], 0);
        assertEquals(1.02, s0.weights()[0][0][0], 1e-15);
        assertEquals(0.02, s0.biases()[1][0], 1e-15);
        BackpropTrace.Step s1 = steps.get(1);
        assertEquals(2.06, s1.z()[0][0], 1e-15);
        assertEquals(2.1212, s1.a()[1][0], 1e-15);
        assertEquals(-1.8788, s1.delta()[1][0], 1e-15);
        assertEquals(-1.916376, s1.delta()[0][0], 1e-15);
        assertEquals(-3.870328, s1.gradWeights()[1][0][0], 1e-15);
        assertEquals(-3.832752, s1.gradWeights()[0][0][0], 1e-15);
        assertEquals(1.05870328, t.weights()[1][0][0], 1e-15);
        assertEquals(0.038788, t.biases()[1][0], 1e-15);
        assertEquals(1.05832752, t.weights()[0][0][0], 1e-15);
        assertEquals(0.03916376, t.biases()[0][0], 1e-15);
    }

    @Test
    void squaredErrorDoublesTheDeltaAndCrossEntropyNeedsAProbabilityOutput() {
        BackpropTrace t = new BackpropTrace(new double[][][] {{{1}}}, new double[][] {{0}}, Activation.RELU,
                Activation.IDENTITY, BackpropTrace.TraceLoss.SQUARED_ERROR, 0.1);
        assertEquals(-4, t.run(new double[][] {{1}}, new double[][] {{3}}, 1).get(0).delta()[0][0], 0);
        BackpropTrace soft = new BackpropTrace(new double[][][] {{{1, -1}}}, new double[][] {{0, 0}}, Activation.RELU,
                Activation.SOFTMAX, BackpropTrace.TraceLoss.CROSS_ENTROPY, 0.1);
        double p = 1 / (1 + Math.exp(-2));                       // softmax of (1, -1)
        assertEquals(p - 1, soft.run(new double[][] {{1}}, new double[][] {{1, 0}}, 1).get(0).delta()[0][0], 1e-15);
        assertThrows(IllegalArgumentException.class, () -> new BackpropTrace(new double[][][] {{{1}}},
                new double[][] {{0}}, Activation.RELU, Activation.IDENTITY, BackpropTrace.TraceLoss.CROSS_ENTROPY, 0.1));
        assertThrows(IllegalArgumentException.class, () -> new BackpropTrace(new double[][][] {{{1}}, {{1, 1}}},
                new double[][] {{0}, {0}}, Activation.RELU, Activation.IDENTITY,
                BackpropTrace.TraceLoss.HALF_SQUARED_ERROR, 0.1));
    }
}
