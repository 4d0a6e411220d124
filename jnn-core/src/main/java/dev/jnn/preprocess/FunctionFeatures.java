package dev.jnn.preprocess;

import dev.jnn.api.Transformer;

import dev.jnn.tensor.Tensor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.DoubleUnaryOperator;

/**
 * Appends per-column functions of the input to it, the course's "add sin(x) and sin(y) as features": the output is
 * the input columns, then {@code f1} of every column, then {@code f2} of every column, and so on. Functions are
 * chosen by name from {@link #KNOWN} or given as operators.
 */
public final class FunctionFeatures implements Transformer {
    /** The functions known by name. */
    public static final Map<String, DoubleUnaryOperator> KNOWN = known();

    private final LinkedHashMap<String, DoubleUnaryOperator> functions = new LinkedHashMap<>();
    private int nFeaturesIn = -1;

    /** Functions by name from {@link #KNOWN}, e.g. {@code new FunctionFeatures("sin", "cos")}. */
    public FunctionFeatures(String... names) {
        setFunctions(List.of(names));
    }

    /** Any functions, named for {@link #featureNames()}. */
    public FunctionFeatures(Map<String, DoubleUnaryOperator> functions) {
        if (functions.isEmpty()) {
            throw new IllegalArgumentException("FunctionFeatures needs at least one function");
        }
        this.functions.putAll(functions);
    }

    private static Map<String, DoubleUnaryOperator> known() {
        Map<String, DoubleUnaryOperator> m = new LinkedHashMap<>();
        m.put("sin", Math::sin);
        m.put("cos", Math::cos);
        m.put("tan", Math::tan);
        m.put("exp", Math::exp);
        m.put("log", Math::log);
        m.put("log1p", Math::log1p);
        m.put("sqrt", Math::sqrt);
        m.put("square", v -> v * v);
        m.put("cube", v -> v * v * v);
        m.put("abs", Math::abs);
        m.put("tanh", Math::tanh);
        m.put("sigmoid", v -> 1 / (1 + Math.exp(-v)));
        return Map.copyOf(m);
    }

    private void setFunctions(List<String> names) {
        if (names.isEmpty()) {
            throw new IllegalArgumentException("FunctionFeatures needs at least one function; known: "
                    + KNOWN.keySet().stream().sorted().toList());
        }
        functions.clear();
        for (String n : names) {
            DoubleUnaryOperator f = KNOWN.get(n.strip());
            if (f == null) {
                throw new IllegalArgumentException("unknown function '" + n + "'; known: "
                        + KNOWN.keySet().stream().sorted().toList());
            }
            functions.put(n.strip(), f);
        }
    }

    @Override
    public FunctionFeatures fit(Tensor x) {
        x.requireRank(2);
        nFeaturesIn = x.cols();
        return this;
    }

    @Override
    public Tensor transform(Tensor x) {
        if (nFeaturesIn < 0) {
            throw Transformer.notFitted("FunctionFeatures");
        }
        Transformer.checkColumns("FunctionFeatures", x, nFeaturesIn);
        int d = nFeaturesIn;
        Tensor out = Tensor.zeros(x.dtype(), x.rows(), d * (1 + functions.size()));
        for (int r = 0; r < x.rows(); r++) {
            int k = 0;
            for (int c = 0; c < d; c++) {
                out.set(x.get(r, c), r, k++);
            }
            for (DoubleUnaryOperator f : functions.values()) {
                for (int c = 0; c < d; c++) {
                    out.set(f.applyAsDouble(x.get(r, c)), r, k++);
                }
            }
        }
        return out;
    }

    /** Output column names: {@code x0, x1, sin(x0), sin(x1), ...}. */
    public List<String> featureNames() {
        List<String> names = new ArrayList<>();
        for (int c = 0; c < nFeaturesIn; c++) {
            names.add("x" + c);
        }
        for (String f : functions.keySet()) {
            for (int c = 0; c < nFeaturesIn; c++) {
                names.add(f + "(x" + c + ")");
            }
        }
        return names;
    }

    @Override
    public Map<String, Object> getParams() {
        return new LinkedHashMap<>(Map.of("functions", List.copyOf(functions.keySet())));
    }

    @Override
    public FunctionFeatures setParams(Map<String, ?> params) {
        ParamValues.checkKnown("FunctionFeatures()", params, Set.of("functions"));
        Object v = params.get("functions");
        if (v != null) {
            List<String> names = v instanceof List<?> l ? l.stream().map(String::valueOf).toList()
                    : List.of(String.valueOf(v).replaceAll("[\\[\\]()' ]", "").split("[,;]"));
            setFunctions(names);
        }
        return this;
    }

    @Override
    public Map<String, double[]> fittedState() {
        if (nFeaturesIn < 0) {
            throw Transformer.notFitted("FunctionFeatures");
        }
        for (String name : functions.keySet()) {
            if (!KNOWN.containsKey(name)) {
                throw new IllegalStateException("FunctionFeatures with the custom function '" + name
                        + "' cannot be saved in a model file (only the named ones can)");
            }
        }
        return Map.of("n_features_in", new double[] {nFeaturesIn});
    }

    @Override
    public FunctionFeatures restoreFittedState(Map<String, double[]> state) {
        nFeaturesIn = Transformer.stateCount(state, "n_features_in");
        return this;
    }

    @Override
    public FunctionFeatures copy() {
        return new FunctionFeatures(functions);
    }
}
