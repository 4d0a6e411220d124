package dev.jnn.estimator;

import dev.jnn.nn.Loss;
import dev.jnn.nn.Parameter;
import dev.jnn.nn.WeightSnapshot;
import dev.jnn.optim.Adam;
import dev.jnn.optim.Optimizer;
import dev.jnn.optim.Sgd;
import dev.jnn.data.TrainTestSplit;
import dev.jnn.tensor.Rng;
import dev.jnn.tensor.DType;
import dev.jnn.tensor.Tensor;
import dev.jnn.util.PyFormat;

import java.util.List;

/**
 * scikit-learn's epoch loop for the {@code sgd} and {@code adam} solvers (spec §2.9–2.12): the early-stopping
 * split, composed per-epoch shuffles, minibatch updates, the batch-size-weighted epoch loss, the stagnation counter
 * and the optimizer's decision to stop or lower the learning rate. The training data is never copied: batches are
 * views of X, or rows gathered into two reused buffers when the order is shuffled.
 */
final class StochasticSolver {
    private final MultilayerPerceptron m;
    private final MLPParams p;
    private final Rng rng;

    StochasticSolver(MultilayerPerceptron model, Rng rng) {
        this.m = model;
        this.p = model.params;
        this.rng = rng;
    }

    void run(Tensor x, Tensor y, boolean incremental) {
        boolean earlyStopping = p.earlyStopping() && !incremental;
        boolean wideTargets = m.widensTargets() && x.dtype() == DType.FLOAT32 && y.dtype() == DType.FLOAT64;
        if (!incremental || m.optimizer == null) {
            m.optimizer = newOptimizer(p);
            m.wide = wideTargets ? new WideTargets(m) : null;   // a fresh optimizer's state starts in y's dtype
        } else if (wideTargets && m.wide == null) {
            // numpy widens the existing moments at the first float64 gradient: carry them over to the twins
            WideTargets twins = new WideTargets(m);
            m.optimizer.restore(twins.parameters(), m.optimizer.state(m.net.parameters()), m.optimizer.counters());
            m.wide = twins;
        }
        int[] rows = null;                       // training rows of x, when not all of them in order
        Tensor xVal = null;
        Tensor yVal = null;
        if (earlyStopping) {
            TrainTestSplit.Split split = TrainTestSplit.split(x.rows(), p.validationFraction(), rng, strata(y));
            rows = split.train();
            xVal = x.takeRows(split.test());
            yVal = y.takeRows(split.test());
        }
        int n = rows == null ? x.rows() : rows.length;
        int batch = batchSize(n);
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        boolean views = rows == null && !p.shuffle();
        Tensor xBuf = views ? null : Tensor.zeros(x.dtype(), batch, x.cols());
        Tensor yBuf = views ? null : Tensor.zeros(y.dtype(), batch, y.cols());
        int[] order = views ? null : new int[n];
        List<Parameter> params = m.net.parameters();
        Loss loss = m.lossFunction();
        double lowest = Double.POSITIVE_INFINITY;
        boolean divergenceSaid = false;
        for (int it = 0; it < p.maxIter(); it++) {
            if (p.shuffle()) {
                rng.shuffle(idx);                // composes with the previous epochs' order, as scikit-learn does
            }
            if (!views) {
                for (int i = 0; i < n; i++) {
                    order[i] = rows == null ? idx[i] : rows[idx[i]];
                }
            }
            double accumulated = 0;
            for (int start = 0; start < n; start += batch) {
                int end = Math.min(n, start + batch);
                int b = end - start;
                Tensor xb;
                Tensor yb;
                if (views) {
                    xb = x.rows(start, end);
                    yb = y.rows(start, end);
                } else {
                    x.takeRows(order, start, end, xBuf);
                    y.takeRows(order, start, end, yBuf);
                    xb = xBuf.rows(0, b);
                    yb = yBuf.rows(0, b);
                }
                if (m.wide == null) {
                    accumulated += m.backprop(loss, xb, yb) * b;
                    m.optimizer.step(params);
                } else if (wideTargets) {
                    accumulated += m.wide.backprop(xb, yb) * b;
                    m.wide.step(false);
                } else {
                    accumulated += m.backprop(loss, xb, yb) * b;   // float32 gradients into float64 moments
                    m.wide.step(true);
                }
            }
            m.nIter++;
            m.loss = accumulated / n;
            m.t += n;
            m.lossCurve.add(m.loss);
            // scikit-learn carries on silently; jnn says once that the fit is running away (not a parity warning:
            // scikit-learn's own fits never reach it, as their losses do not grow a thousandfold)
            if (!divergenceSaid && (!Double.isFinite(m.loss) || m.loss > 1000 * lowest)) {
                divergenceSaid = true;
                m.warn("The loss grew to " + m.loss + " at iteration " + m.nIter + " from " + lowest + ": the fit is"
                        + " diverging; lower learning_rate_init.");
            }
            lowest = Math.min(lowest, m.loss);
            if (p.verbose()) {
                m.say("Iteration " + m.nIter + ", loss = " + PyFormat.fixed(m.loss, 8));
            }
            double score = updateNoImprovement(earlyStopping, xVal, yVal);
            if (m.monitor != null) {
                m.monitor.onIteration(m.nIter, p.maxIter(), m.loss, score);
            }
            if (p.solver() == Solver.SGD && p.learningRate() == LearningRate.INVSCALING) {
                m.optimizer.setLearningRate(p.learningRateInit() / Math.pow(m.t + 1, p.powerT()));
            }
            if (m.noImprovementCount > p.nIterNoChange()) {
                String msg = (earlyStopping ? "Validation score" : "Training loss") + " did not improve more than tol="
                        + PyFormat.fixed(p.tol(), 6) + " for " + (long) p.nIterNoChange() + " consecutive epochs.";
                if (stop(msg)) {
                    break;
                }
                m.noImprovementCount = 0;
            }
            if (incremental) {
                break;
            }
            if (m.nIter == p.maxIter()) {
                m.warn("Stochastic Optimizer: Maximum iterations (" + p.maxIter() + ") reached and the optimization"
                        + " hasn't converged yet.");
            }
        }
        if (earlyStopping) {
            m.bestWeights.restore(WeightSnapshot.values(params));
        }
    }

    /** scikit-learn's optimizer of the sgd or adam solver, fresh. */
    static Optimizer newOptimizer(MLPParams p) {
        return p.solver() == Solver.SGD ? new Sgd(p.learningRateInit(), p.momentum(), p.nesterovsMomentum())
                : new Adam(p.learningRateInit(), p.beta1(), p.beta2(), p.epsilon());
    }

    private double updateNoImprovement(boolean earlyStopping, Tensor xVal, Tensor yVal) {
        if (earlyStopping) {
            double score = m.validationScore(yVal, m.forwardAll(xVal));
            m.validationScores.add(score);
            if (p.verbose()) {
                m.say("Validation score: " + PyFormat.fixed(score, 6));
            }
            m.noImprovementCount = score < m.bestValidationScore + p.tol() ? m.noImprovementCount + 1 : 0;
            if (score > m.bestValidationScore) {
                m.bestValidationScore = score;
                m.bestWeights.save(WeightSnapshot.values(m.net.parameters()));
            }
            return score;
        }
        double last = m.loss;
        m.noImprovementCount = last > m.bestLoss - p.tol() ? m.noImprovementCount + 1 : 0;
        if (last < m.bestLoss) {
            m.bestLoss = last;
        }
        return Double.NaN;
    }

    /** The optimizer's verdict on stagnation: adaptive sgd lowers its rate five-fold until 1e-6, the rest stop. */
    private boolean stop(String msg) {
        if (p.solver() == Solver.SGD && p.learningRate() == LearningRate.ADAPTIVE) {
            double lr = m.optimizer.learningRate();
            if (lr <= 1e-6) {
                if (p.verbose()) {
                    m.say(msg + " Learning rate too small. Stopping.");
                }
                return true;
            }
            m.optimizer.setLearningRate(lr / 5.0);
            if (p.verbose()) {
                m.say(msg + " Setting learning rate to " + PyFormat.fixed(lr / 5.0, 6));
            }
            return false;
        }
        if (p.verbose()) {
            m.say(msg + " Stopping.");
        }
        return true;
    }

    private int[] strata(Tensor y) {
        if (!m.stratifiedValidation()) {
            return null;
        }
        int[] s = new int[y.rows()];
        for (int r = 0; r < s.length; r++) {
            s[r] = y.get(r, 0) > 0.5 ? 1 : 0;
        }
        return s;
    }

    private int batchSize(int n) {
        if (p.batchSize() == null) {
            return Math.min(200, n);
        }
        int b = p.batchSize();
        if (b < 1 || b > n) {
            m.warn("Got `batch_size` less than 1 or larger than sample size. It is going to be clipped");
        }
        return Math.max(1, Math.min(b, n));
    }
}
