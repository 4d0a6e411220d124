package dev.jnn.nn;

import dev.jnn.tensor.DType;
import dev.jnn.tensor.Tensor;

import java.util.ArrayList;
import java.util.List;

/**
 * The gradient check of the course: per parameter tensor, the largest relative error between the gradient that
 * back-propagation gives and central differences of the loss, in float64. The loss is the one the network trains
 * on: the mean of {@code loss} over the rows plus the layers' penalties times {@code penaltyScale}, with the
 * training-mode forward pass (batch statistics for batch normalisation; dropout, being random, is refused).
 */
public final class GradientCheck {
    /** The step of the central differences. */
    public static final double STEP = 1e-6;

    private GradientCheck() {
    }

    /**
     * One parameter tensor's result.
     *
     * @param parameter        the layer and the parameter, e.g. {@code layer 1 (Dense) kernel}
     * @param size             its number of values
     * @param maxRelativeError the largest {@code |a − n| / max(|a| + |n|, 1e-8)} over its values
     */
    public record Row(String parameter, int size, double maxRelativeError) {
    }

    /** Checks every parameter of {@code net} (built in float64) on rows {@code x} with targets {@code y}. */
    public static List<Row> of(Network net, Loss loss, Tensor x, Tensor y, double penaltyScale) {
        for (Layer l : net.layers()) {
            if (l instanceof Dropout) {
                throw new IllegalArgumentException("the gradient check needs a network without Dropout (its masks"
                        + " are random); check the network without it");
            }
            for (Parameter p : l.parameters()) {
                if (p.value().dtype() != DType.FLOAT64) {
                    throw new IllegalArgumentException("the gradient check runs in float64; build the network in"
                            + " float64");
                }
            }
        }
        Tensor out = net.forward(x);
        net.backward(loss, y, out, penaltyScale);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < net.layers().size(); i++) {
            Layer layer = net.layers().get(i);
            for (Parameter p : layer.parameters()) {
                Tensor analytic = p.grad().copy();
                double worst = 0;
                for (int k = 0; k < p.value().size(); k++) {
                    double keep = p.value().getFlat(k);
                    p.value().setFlat(k, keep + STEP);
                    double up = objective(net, loss, x, y, penaltyScale);
                    p.value().setFlat(k, keep - STEP);
                    double down = objective(net, loss, x, y, penaltyScale);
                    p.value().setFlat(k, keep);
                    double numeric = (up - down) / (2 * STEP);
                    double a = analytic.getFlat(k);
                    worst = Math.max(worst, Math.abs(a - numeric) / Math.max(Math.abs(a) + Math.abs(numeric), 1e-8));
                }
                rows.add(new Row("layer " + i + " (" + layer.type() + ") " + p.name(), p.value().size(), worst));
            }
        }
        return rows;
    }

    private static double objective(Network net, Loss loss, Tensor x, Tensor y, double penaltyScale) {
        return loss.value(y, net.forward(x)) + net.penalty(penaltyScale, false);
    }
}
