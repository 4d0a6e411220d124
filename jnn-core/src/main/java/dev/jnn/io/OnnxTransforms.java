package dev.jnn.io;

import ai.onnx.proto.OnnxMl.AttributeProto;
import dev.jnn.api.Transformer;
import dev.jnn.preprocess.FunctionFeatures;
import dev.jnn.preprocess.MinMaxScaler;
import dev.jnn.preprocess.Pca;
import dev.jnn.preprocess.PolynomialFeatures;
import dev.jnn.preprocess.StandardScaler;
import dev.jnn.tensor.DType;
import dev.jnn.tensor.Tensor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The fitted preprocessing of a pipeline as ONNX nodes, so that an exported model takes the raw features that
 * {@code jnn predict} takes: Sub and Div for {@code StandardScaler}, Mul, Add (and Clip) for {@code MinMaxScaler},
 * Sub and MatMul (and Div to whiten) for {@code Pca}, Gather and Mul per degree for {@code PolynomialFeatures},
 * unary operators and Concat for {@code FunctionFeatures}.
 */
final class OnnxTransforms {
    private OnnxTransforms() {
    }

    /** The number of columns a fitted transformer takes. */
    static int inputColumns(Transformer t) {
        Map<String, double[]> s = t.fittedState();
        double[] n = s.containsKey("n_features_in") ? s.get("n_features_in") : null;
        if (n != null) {
            return (int) n[0];
        }
        return t instanceof StandardScaler ? s.get("n_samples_seen").length
                : t instanceof MinMaxScaler ? s.get("scale").length : s.get("mean").length;
    }

    /** The value after {@code t}, from {@code x}. */
    static String apply(OnnxExport e, Transformer t, String x) {
        Map<String, double[]> s = t.fittedState();
        Map<String, Object> p = t.getParams();
        if (t instanceof StandardScaler) {
            String y = x;
            if (Boolean.TRUE.equals(p.get("with_mean"))) {
                y = e.node("Sub", y, e.constant(row(s.get("mean"))));
            }
            if (Boolean.TRUE.equals(p.get("with_std"))) {
                y = e.node("Div", y, e.constant(row(s.get("scale"))));
            }
            return y;
        }
        if (t instanceof MinMaxScaler) {
            String y = e.node("Add", e.node("Mul", x, e.constant(row(s.get("scale")))), e.constant(row(s.get("min"))));
            if (Boolean.TRUE.equals(p.get("clip"))) {
                List<?> range = (List<?>) p.get("feature_range");
                y = e.node("Clip", y, e.scalarConstant(((Number) range.get(0)).doubleValue()),
                        e.scalarConstant(((Number) range.get(1)).doubleValue()));
            }
            return y;
        }
        if (t instanceof Pca pca) {
            double[][] c = pca.components();
            double[] mean = pca.mean();
            Tensor axes = Tensor.zeros(DType.FLOAT64, mean.length, c.length);   // componentsᵀ
            for (int k = 0; k < c.length; k++) {
                for (int j = 0; j < mean.length; j++) {
                    axes.set(c[k][j], j, k);
                }
            }
            String y = e.node("MatMul", e.node("Sub", x, e.constant(row(mean))), e.constant(axes));
            if (Boolean.TRUE.equals(p.get("whiten"))) {
                double[] sd = s.get("explained_variance").clone();
                for (int k = 0; k < sd.length; k++) {
                    sd[k] = Math.sqrt(sd[k]);
                }
                y = e.node("Div", y, e.constant(row(sd)));
            }
            return y;
        }
        if (t instanceof PolynomialFeatures poly) {
            return polynomial(e, poly.powers(), x);
        }
        if (t instanceof FunctionFeatures f) {
            List<String> parts = new ArrayList<>();
            parts.add(x);
            for (Object name : (List<?>) p.get("functions")) {
                parts.add(function(e, String.valueOf(name), x));
            }
            return e.node("Concat", parts, axis(1));
        }
        throw new IllegalArgumentException("ONNX export does not take " + t.getClass().getSimpleName());
    }

    /** Products of gathered columns, one Gather per factor position of each degree, in the terms' order. */
    private static String polynomial(OnnxExport e, int[][] powers, String x) {
        List<String> parts = new ArrayList<>();
        int k = 0;
        while (k < powers.length) {
            int degree = java.util.Arrays.stream(powers[k]).sum();
            int end = k;
            while (end < powers.length && java.util.Arrays.stream(powers[end]).sum() == degree) {
                end++;
            }
            if (degree == 0) {
                // a column of ones: x₀·0 + 1 keeps the batch size
                parts.add(e.node("Add", e.node("Mul", gather(e, x, new long[] {0}), e.constant(scalar(e, 0))),
                        e.constant(scalar(e, 1))));
            } else {
                long[][] factors = new long[degree][end - k];
                for (int term = k; term < end; term++) {
                    int at = 0;
                    for (int f = 0; f < powers[term].length; f++) {
                        for (int r = 0; r < powers[term][f]; r++) {
                            factors[at++][term - k] = f;
                        }
                    }
                }
                String product = gather(e, x, factors[0]);
                for (int d = 1; d < degree; d++) {
                    product = e.node("Mul", product, gather(e, x, factors[d]));
                }
                parts.add(product);
            }
            k = end;
        }
        return parts.size() == 1 ? parts.get(0) : e.node("Concat", parts, axis(1));
    }

    private static String gather(OnnxExport e, String x, long[] columns) {
        return e.node("Gather", List.of(x, e.longs(columns)), axis(1));
    }

    private static String function(OnnxExport e, String name, String x) {
        return switch (name) {
            case "sin" -> e.node("Sin", x);
            case "cos" -> e.node("Cos", x);
            case "tan" -> e.node("Tan", x);
            case "exp" -> e.node("Exp", x);
            case "log" -> e.node("Log", x);
            case "log1p" -> e.node("Log", e.node("Add", x, e.constant(scalar(e, 1))));
            case "sqrt" -> e.node("Sqrt", x);
            case "square" -> e.node("Mul", x, x);
            case "cube" -> e.node("Mul", e.node("Mul", x, x), x);
            case "abs" -> e.node("Abs", x);
            case "tanh" -> e.node("Tanh", x);
            case "sigmoid" -> e.node("Sigmoid", x);
            default -> throw new IllegalArgumentException("ONNX export does not take the function '" + name + "'");
        };
    }

    private static Tensor row(double[] v) {
        return Tensor.wrap(v.clone(), v.length);
    }

    private static Tensor scalar(OnnxExport e, double v) {
        Tensor t = Tensor.zeros(e.dtype(), 1);
        t.setFlat(0, v);
        return t;
    }

    private static AttributeProto axis(long axis) {
        return AttributeProto.newBuilder().setName("axis").setType(AttributeProto.AttributeType.INT).setI(axis).build();
    }
}
