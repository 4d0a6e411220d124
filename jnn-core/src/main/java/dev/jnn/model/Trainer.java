package dev.jnn.model;

import dev.jnn.nn.Activated;
import dev.jnn.nn.Activation;
import dev.jnn.nn.Layer;
import dev.jnn.nn.Parameter;
import dev.jnn.tensor.Buffers;
import dev.jnn.tensor.Tensor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One fit (or evaluate) of a {@link Sequential}: the minibatch loop, the losses, metrics and callbacks. */
final class Trainer {
    private final Sequential model;
    private final Fit fit;
    private final List<Layer> layers;
    private List<Parameter> params;

    Trainer(Sequential model, Fit fit) {
        this.model = model;
        this.fit = fit;
        this.layers = model.layers;
    }

    History run(Tensor xAll, Tensor yAll) {
        Tensor x = model.inDtype(xAll);
        Targets.requireFinite(x, "x");
        Targets.requireFinite(yAll, "y");
        for (int i = 0; i < layers.size(); i++) {
            if (layers.get(i) instanceof Activated a && a.activation() == Activation.STEP) {
                throw new IllegalStateException("layer " + i + " (" + layers.get(i).type() + ") uses the step"
                        + " activation, and " + Activation.STEP_HAS_NO_GRADIENT);
            }
        }
        Tensor xTrain = x;
        Tensor yTrain = yAll;
        Tensor xVal = null;
        Tensor yVal = null;
        if (fit.validationX() != null) {
            xVal = model.inDtype(fit.validationX());
            yVal = Targets.of(model, xVal.rows(), fit.validationY(), fit.validationLabels(), "validation targets");
            if (xVal.cols() != x.cols()) {
                throw new IllegalArgumentException("validation x has " + xVal.cols() + " features, x has " + x.cols());
            }
        } else if (fit.validationSplit() > 0) {
            int split = fit.trainingRows(x.rows());
            if (split < 1 || split >= x.rows()) {
                throw new IllegalArgumentException("validation_split " + fit.validationSplit() + " leaves no rows for "
                        + (split < 1 ? "training" : "validation") + " out of " + x.rows());
            }
            xTrain = x.rows(0, split);
            yTrain = yAll.rows(0, split);
            xVal = x.rows(split, x.rows());
            yVal = yAll.rows(split, x.rows());
        }
        if (xTrain.rows() == 0) {
            throw new IllegalArgumentException("x has no rows");
        }
        int n = xTrain.rows();
        int batch = Math.min(fit.batchSize(), n);
        int batches = (n + batch - 1) / batch;
        Tensor xb = Tensor.zeros(model.dtype(), batch, xTrain.cols());
        Tensor yb = Tensor.zeros(model.dtype(), batch, yTrain.cols());
        History history = new History();
        model.stopTraining = false;
        fit.callbacks().forEach(c -> c.onTrainBegin(model, fit));
        long step = 0;
        for (int epoch = 0; epoch < fit.epochs() && !model.stopTraining; epoch++) {
            long started = System.nanoTime();
            final int e = epoch;
            fit.callbacks().forEach(c -> c.onEpochBegin(model, e));
            int[] order = fit.shuffle() ? model.rng().permutation(n) : null;
            double[] sums = new double[1 + model.metrics.size()];
            int seen = 0;
            for (int b = 0; b < batches; b++) {
                final int bi = b;
                final long st = step;
                fit.callbacks().forEach(c -> c.onBatchBegin(model, bi, st));
                int from = b * batch;
                int to = Math.min(n, from + batch);
                Tensor xin;
                Tensor yin;
                if (order != null) {
                    xTrain.takeRows(order, from, to, xb);
                    yTrain.takeRows(order, from, to, yb);
                    xin = xb.rows(0, to - from);
                    yin = yb.rows(0, to - from);
                } else {
                    xin = xTrain.rows(from, to);
                    yin = yTrain.rows(from, to);
                }
                double loss = step(xin, yin, sums);
                if (!Double.isFinite(loss)) {
                    // before the step that would spread it: the weights stay finite, and so do saved files
                    throw new IllegalStateException("the loss became " + loss + " at epoch " + (epoch + 1) + ", batch "
                            + (b + 1) + " (learning rate " + model.optimizer.learningRate() + "): the fit diverged;"
                            + " lower the learning rate or clip the gradients (--clip-norm)");
                }
                step++;
                seen += to - from;
                if (!fit.callbacks().isEmpty()) {
                    Map<String, Double> running = logs(sums, seen, "");
                    fit.callbacks().forEach(c -> c.onBatchEnd(model, bi, batches, running));
                }
            }
            Map<String, Double> logs = logs(sums, seen, "");
            if (xVal != null) {
                logs.putAll(evaluate(xVal, yVal, "val_"));
            }
            history.add(logs, (System.nanoTime() - started) / 1e9);
            fit.callbacks().forEach(c -> c.onEpochEnd(model, e, logs));
        }
        fit.callbacks().forEach(c -> c.onTrainEnd(model));
        return history;
    }

    /**
     * One optimizer step on a batch, unless its loss is not finite; adds the batch's loss and metrics, times its
     * rows, into {@code sums} and returns the loss with penalties.
     */
    private double step(Tensor x, Tensor y, double[] sums) {
        double loss = gradients(x, y, sums);
        if (!Double.isFinite(loss)) {
            return loss;
        }
        if (model.clipping != null) {
            model.clipping.apply(params);
        }
        model.optimizer.step(params);
        return loss;
    }

    /**
     * Forward in training mode, the loss, and every parameter's gradient of the mean loss plus penalties; adds the
     * loss and metrics times the rows into {@code sums} and returns the loss with penalties.
     */
    double gradients(Tensor x, Tensor y, double[] sums) {
        if (params == null) {
            params = model.parameters();
        }
        Tensor out = model.network.forward(x);
        int rows = x.rows();
        double data = model.loss.value(y, out);
        sums[0] += data * rows;
        for (int m = 0; m < model.metrics.size(); m++) {
            sums[m + 1] += model.metrics.get(m).value(model.loss, y, out) * rows;
        }
        double penalty = model.network.backward(model.loss, y, out, 1.0);
        sums[0] += penalty * rows;
        return data + penalty;
    }

    /** The loss (with penalties) and metrics over all rows, in inference mode, keys prefixed. */
    Map<String, Double> evaluate(Tensor x, Tensor y, String prefix) {
        Tensor in = model.inDtype(x);
        double[] sums = new double[1 + model.metrics.size()];
        int batch = 256;
        for (int from = 0; from < in.rows(); from += batch) {
            int to = Math.min(in.rows(), from + batch);
            Tensor out = model.network.predict(in.rows(from, to));
            Tensor yb = y.rows(from, to);
            sums[0] += model.loss.value(yb, out) * (to - from);
            for (int m = 0; m < model.metrics.size(); m++) {
                sums[m + 1] += model.metrics.get(m).value(model.loss, yb, out) * (to - from);
            }
        }
        sums[0] += model.network.penalty(1.0, false) * in.rows();
        return logs(sums, in.rows(), prefix);
    }

    private Map<String, Double> logs(double[] sums, int rows, String prefix) {
        Map<String, Double> logs = new LinkedHashMap<>();
        logs.put(prefix + "loss", sums[0] / rows);
        for (int m = 0; m < model.metrics.size(); m++) {
            logs.put(prefix + model.metrics.get(m).key(), sums[m + 1] / rows);
        }
        return logs;
    }
}
