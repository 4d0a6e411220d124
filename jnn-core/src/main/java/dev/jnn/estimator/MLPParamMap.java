package dev.jnn.estimator;

import dev.jnn.nn.Activation;
import dev.jnn.util.PyFormat;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@link MLPParams} seen as scikit-learn's {@code get_params()}/{@code set_params()}: snake_case names in sorted
 * order, values as Java objects. {@link #with} also accepts text (as a command line or a grid file gives it),
 * e.g. {@code "100,50"} for hidden_layer_sizes, {@code "auto"} for batch_size, {@code "inf"} for n_iter_no_change.
 */
final class MLPParamMap {
    private MLPParamMap() {
    }

    static Map<String, Object> toMap(MLPParams p) {
        Map<String, Object> m = new TreeMap<>();
        m.put("activation", p.activation().pythonName());
        m.put("alpha", p.alpha());
        m.put("batch_size", p.batchSize() == null ? "auto" : p.batchSize());
        m.put("beta_1", p.beta1());
        m.put("beta_2", p.beta2());
        m.put("early_stopping", p.earlyStopping());
        m.put("epsilon", p.epsilon());
        m.put("hidden_layer_sizes", p.hiddenLayerSizes());
        m.put("learning_rate", p.learningRate().pythonName());
        m.put("learning_rate_init", p.learningRateInit());
        m.put("max_fun", p.maxFun());
        m.put("max_iter", p.maxIter());
        m.put("momentum", p.momentum());
        m.put("n_iter_no_change", Double.isInfinite(p.nIterNoChange()) ? (Object) p.nIterNoChange()
                : (Object) (int) p.nIterNoChange());
        m.put("nesterovs_momentum", p.nesterovsMomentum());
        m.put("power_t", p.powerT());
        m.put("random_state", p.randomState());
        m.put("shuffle", p.shuffle());
        m.put("solver", p.solver().pythonName());
        m.put("tol", p.tol());
        m.put("validation_fraction", p.validationFraction());
        m.put("verbose", p.verbose());
        m.put("warm_start", p.warmStart());
        return m;
    }

    static <E> MLPParams with(MLPParams base, Map<String, ?> changes, String owner) {
        MLPParams.Builder<E> b = base.toBuilder(owner, p -> null);
        for (Map.Entry<String, ?> e : changes.entrySet()) {
            String k = e.getKey();
            Object v = e.getValue();
            switch (k) {
                case "activation" -> b.activation(activation(owner, v));
                case "alpha" -> b.alpha(real(k, v));
                case "batch_size" -> b.batchSize("auto".equals(v) ? null : integer(k, v));
                case "beta_1" -> b.beta1(real(k, v));
                case "beta_2" -> b.beta2(real(k, v));
                case "early_stopping" -> b.earlyStopping(bool(k, v));
                case "epsilon" -> b.epsilon(real(k, v));
                case "hidden_layer_sizes" -> b.hiddenLayerSizes(sizes(v));
                case "learning_rate" -> b.learningRate(learningRate(owner, v));
                case "learning_rate_init" -> b.learningRateInit(real(k, v));
                case "max_fun" -> b.maxFun(integer(k, v));
                case "max_iter" -> b.maxIter(integer(k, v));
                case "momentum" -> b.momentum(real(k, v));
                case "n_iter_no_change" -> b.nIterNoChange(real(k, v));
                case "nesterovs_momentum" -> b.nesterovsMomentum(bool(k, v));
                case "power_t" -> b.powerT(real(k, v));
                case "random_state" -> b.randomState(v == null || "None".equals(v) ? null : (long) integerLong(k, v));
                case "shuffle" -> b.shuffle(bool(k, v));
                case "solver" -> b.solver(solver(owner, v));
                case "tol" -> b.tol(real(k, v));
                case "validation_fraction" -> b.validationFraction(real(k, v));
                case "verbose" -> b.verbose(bool(k, v));
                case "warm_start" -> b.warmStart(bool(k, v));
                default -> throw new IllegalArgumentException("Invalid parameter " + PyFormat.quote(k)
                        + " for estimator " + owner + "(). Valid parameters are: "
                        + toMap(MLPParams.DEFAULTS).keySet().stream().map(PyFormat::quote).toList() + ".");
            }
        }
        return b.params();
    }

    private static Activation activation(String owner, Object v) {
        Activation a = v instanceof Activation act ? act : Activation.fromPythonName(String.valueOf(v));
        if (!MLPParams.isHiddenActivation(a)) {
            throw choice(owner, "activation", "{'identity', 'logistic', 'relu', 'tanh'}", v);
        }
        return a;
    }

    private static Solver solver(String owner, Object v) {
        if (v instanceof Solver s) {
            return s;
        }
        return Arrays.stream(Solver.values()).filter(s -> s.pythonName().equals(String.valueOf(v))).findFirst()
                .orElseThrow(() -> choice(owner, "solver", "{'adam', 'lbfgs', 'sgd'}", v));
    }

    private static LearningRate learningRate(String owner, Object v) {
        if (v instanceof LearningRate r) {
            return r;
        }
        return Arrays.stream(LearningRate.values()).filter(r -> r.pythonName().equals(String.valueOf(v)))
                .findFirst().orElseThrow(() -> choice(owner, "learning_rate", "{'adaptive', 'constant', 'invscaling'}", v));
    }

    private static IllegalArgumentException choice(String owner, String name, String options, Object v) {
        return new IllegalArgumentException("The '" + name + "' parameter of " + owner + " must be a str among "
                + options + ". Got " + (v instanceof String s ? PyFormat.quote(s) : String.valueOf(v)) + " instead.");
    }

    static int[] sizes(Object v) {
        if (v instanceof int[] a) {
            return a.clone();
        }
        if (v instanceof Number n) {
            return new int[] {n.intValue()};
        }
        if (v instanceof Iterable<?> it) {
            java.util.List<Integer> out = new java.util.ArrayList<>();
            it.forEach(o -> out.add(((Number) o).intValue()));
            return out.stream().mapToInt(Integer::intValue).toArray();
        }
        String s = String.valueOf(v).trim().replaceAll("[()\\[\\]\\s]", "");
        if (s.isEmpty()) {
            return new int[0];
        }
        try {
            return Arrays.stream(s.split(",")).filter(t -> !t.isEmpty()).mapToInt(Integer::parseInt).toArray();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("hidden_layer_sizes must be integers separated by commas, got '" + v + "'");
        }
    }

    private static double real(String name, Object v) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return Double.parseDouble(String.valueOf(v).trim().replace("inf", "Infinity"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("parameter " + name + " must be a number, got '" + v + "'");
        }
    }

    private static int integer(String name, Object v) {
        long l = integerLong(name, v);
        if (l != (int) l) {
            throw new IllegalArgumentException("parameter " + name + " is out of the int range: " + v);
        }
        return (int) l;
    }

    private static long integerLong(String name, Object v) {
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        try {
            return Long.parseLong(String.valueOf(v).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("parameter " + name + " must be an integer, got '" + v + "'");
        }
    }

    private static boolean bool(String name, Object v) {
        if (v instanceof Boolean b) {
            return b;
        }
        String s = String.valueOf(v).trim().toLowerCase(java.util.Locale.ROOT);
        return switch (s) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> throw new IllegalArgumentException("parameter " + name + " must be true or false, got '" + v + "'");
        };
    }
}
