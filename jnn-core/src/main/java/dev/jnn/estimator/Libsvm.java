package dev.jnn.estimator;

import libsvm.svm;
import libsvm.svm_model;
import libsvm.svm_node;
import libsvm.svm_parameter;
import libsvm.svm_problem;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bridge to LIBSVM's Java port for {@link SVC}: the problem built as scikit-learn builds it (rows stably sorted
 * by class, so that LIBSVM's classes come out in sorted order and its pairs and support vectors in scikit-learn's
 * order), the solver's log read for {@code n_iter_}, and prediction from a fitted model.
 */
final class Libsvm {
    private static final ThreadLocal<StringBuilder> LOG = new ThreadLocal<>();
    private static final Pattern ITER = Pattern.compile("#iter = (\\d+)|Total nSV");
    /** LIBSVM seeds its probability folds from one static generator, so fits that draw from it take turns. */
    private static final Object RAND = new Object();

    static {
        // LIBSVM prints its progress to stdout by default; here it goes to the fitting thread's log, if any.
        svm.svm_set_print_string_function(s -> {
            StringBuilder b = LOG.get();
            if (b != null) {
                b.append(s);
            }
        });
    }

    private Libsvm() {
    }

    /** What a fit gives: LIBSVM's model, and the original row of each support vector, and each pair's iterations. */
    record Trained(svm_model model, int[] support, int[] nIter) {
    }

    /** Rows as LIBSVM's sparse nodes: the non-zero features (a zero adds nothing to any of its kernels). */
    static svm_node[] row(double[] rows, int r, int d) {
        int nnz = 0;
        for (int j = 0; j < d; j++) {
            nnz += rows[r * d + j] != 0 ? 1 : 0;
        }
        svm_node[] out = new svm_node[nnz];
        for (int j = 0, at = 0; j < d; j++) {
            double v = rows[r * d + j];
            if (v != 0) {
                svm_node node = new svm_node();
                node.index = j;
                node.value = v;
                out[at++] = node;
            }
        }
        return out;
    }

    /** Fails before training when the nodes and the kernel cache would not fit in the heap. */
    static void checkMemory(double[] rows, double cacheMb) {
        long nnz = 0;
        for (double v : rows) {
            nnz += v != 0 ? 1 : 0;
        }
        Runtime rt = Runtime.getRuntime();
        long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        long need = nnz * 40 + (long) (cacheMb * (1 << 20));
        if (need > free) {
            throw new IllegalArgumentException(String.format("SVC needs about %d MB for %d non-zero values and a"
                    + " %.0f MB kernel cache, but only %d MB of heap are free; lower cache_size or raise -Xmx",
                    need >> 20, nnz, cacheMb, free >> 20));
        }
    }

    /**
     * Trains C-SVC on class indices {@code index} ({@code k} classes) with the given per-class weights; the seed
     * drives the probability folds.
     */
    static Trained train(double[] rows, int d, int[] index, int k, SVCParams p, double gamma, double[] classWeight,
                         long seed) {
        int n = index.length;
        int[] order = stableOrderByClass(index, k);
        svm_problem prob = new svm_problem();
        prob.l = n;
        prob.x = new svm_node[n][];
        prob.y = new double[n];
        for (int i = 0; i < n; i++) {
            prob.x[i] = row(rows, order[i], d);
            prob.y[i] = index[order[i]];
        }
        svm_parameter param = parameter(p, gamma, classWeight);
        String error = svm.svm_check_parameter(prob, param);
        if (error != null) {
            throw new IllegalArgumentException(error);
        }
        StringBuilder log = new StringBuilder();
        LOG.set(log);
        svm_model model;
        try {
            if (p.probability()) {
                synchronized (RAND) {
                    svm.rand.setSeed(seed);
                    model = svm.svm_train(prob, param);
                }
            } else {
                model = svm.svm_train(prob, param);
            }
        } finally {
            LOG.remove();
        }
        for (int c = 0; c < k; c++) {
            if (model.label[c] != c) {
                throw new IllegalStateException("LIBSVM ordered the classes as " + java.util.Arrays.toString(model.label));
            }
        }
        int[] support = new int[model.l];
        for (int i = 0; i < model.l; i++) {
            support[i] = order[model.sv_indices[i] - 1];
        }
        return new Trained(model, support, iterations(log));
    }

    /** The row indices sorted stably by class index (a counting sort). */
    private static int[] stableOrderByClass(int[] index, int k) {
        int[] start = new int[k + 1];
        for (int c : index) {
            start[c + 1]++;
        }
        for (int c = 0; c < k; c++) {
            start[c + 1] += start[c];
        }
        int[] order = new int[index.length];
        for (int i = 0; i < index.length; i++) {
            order[start[index[i]]++] = i;
        }
        return order;
    }

    static svm_parameter parameter(SVCParams p, double gamma, double[] classWeight) {
        svm_parameter param = new svm_parameter();
        param.svm_type = svm_parameter.C_SVC;
        param.kernel_type = p.kernel().libsvmType;
        param.degree = p.degree();
        param.gamma = gamma;
        param.coef0 = p.coef0();
        param.cache_size = p.cacheSize();
        param.eps = p.tol();
        param.C = p.c();
        param.nr_weight = classWeight.length;
        param.weight_label = new int[classWeight.length];
        java.util.Arrays.setAll(param.weight_label, i -> i);
        param.weight = classWeight.clone();
        param.nu = 0.5;
        param.p = 0.1;
        param.shrinking = p.shrinking() ? 1 : 0;
        param.probability = p.probability() ? 1 : 0;
        return param;
    }

    /**
     * Each pair's solver iterations from LIBSVM's log. With probability estimates, every pair's cross-validation
     * fits come first, each closed by its own "Total nSV" line; the pair's final solve is the one not so closed,
     * and the last solve of all is closed by the whole fit's line.
     */
    static int[] iterations(CharSequence log) {
        List<Integer> iters = new ArrayList<>();
        List<Boolean> closed = new ArrayList<>();
        Matcher m = ITER.matcher(log);
        while (m.find()) {
            if (m.group(1) != null) {
                iters.add(Integer.parseInt(m.group(1)));
                closed.add(false);
            } else if (!closed.isEmpty()) {
                closed.set(closed.size() - 1, true);
            }
        }
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < iters.size(); i++) {
            if (!closed.get(i) || i == iters.size() - 1) {
                out.add(iters.get(i));
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** A seed for LIBSVM's generator: the user's, or fresh entropy. */
    static long seed(Long randomState) {
        return randomState != null ? randomState : new Random().nextLong();
    }
}
