package dev.jnn.io;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import com.google.protobuf.ByteString;
import dev.jnn.estimator.MLPClassifier;
import dev.jnn.estimator.MultilayerPerceptron;
import dev.jnn.estimator.Perceptron;
import dev.jnn.model.Sequential;
import dev.jnn.nn.Activation;
import dev.jnn.preprocess.Pipeline;
import dev.jnn.tensor.DType;
import dev.jnn.tensor.Tensor;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * ONNX export (opset 17) of fitted MLPs and Perceptrons (alone or after fitted preprocessing) and, through
 * {@link OnnxSequential}, of {@code Sequential} models of Dense, Conv2D, MaxPool2D, AveragePooling2D, Flatten,
 * Dropout (dropped: inference), BatchNormalization and activation layers. The graph takes the same rows as
 * {@code predict} ({@code input}, N × features, in the model's dtype). Classifiers output {@code probabilities}
 * (N × classes; a Perceptron outputs {@code scores}, its decision function, instead), {@code index} (the arg-max,
 * int64) and, where the classes are known, {@code label} (the class itself); regressors
 * output {@code predictions}.
 */
final class OnnxExport {
    private final GraphProto.Builder graph = GraphProto.newBuilder().setName("jnn");
    private final int elem;
    private final DType dtype;
    private int names;

    private OnnxExport(DType dtype) {
        this.dtype = dtype;
        this.elem = dtype == DType.FLOAT64 ? TensorProto.DataType.DOUBLE_VALUE : TensorProto.DataType.FLOAT_VALUE;
    }

    /** The ONNX model of a fitted MLP or a built {@code Sequential} (whose output classes are {@code classNames}, or null). */
    static ModelProto export(Object model, String[] classNames) {
        if (model instanceof Pipeline pipe && (pipe.finalEstimator() instanceof MultilayerPerceptron
                || pipe.finalEstimator() instanceof Perceptron)) {
            OnnxExport e = new OnnxExport(pipe.finalEstimator() instanceof MultilayerPerceptron mlp ? mlp.dtype()
                    : DType.FLOAT64);
            String x = e.input(OnnxTransforms.inputColumns(pipe.steps().get(0).transformer()));
            for (Pipeline.Step step : pipe.steps()) {
                x = OnnxTransforms.apply(e, step.transformer(), x);
            }
            return pipe.finalEstimator() instanceof MultilayerPerceptron mlp ? e.mlp(mlp, x)
                    : e.perceptron((Perceptron) pipe.finalEstimator(), x);
        }
        if (model instanceof MultilayerPerceptron mlp) {
            return new OnnxExport(mlp.dtype()).mlp(mlp);
        }
        if (model instanceof Perceptron p) {
            OnnxExport e = new OnnxExport(DType.FLOAT64);
            return e.perceptron(p, e.input(p.nFeaturesIn()));
        }
        if (model instanceof dev.jnn.estimator.SVC) {
            throw new IllegalArgumentException("ONNX export does not cover the SVC (its kernels would need"
                    + " ai.onnx.ml's SVMClassifier); keep it as a jnn model file");
        }
        if (model instanceof Sequential s) {
            if (!s.isBuilt()) {
                throw new IllegalArgumentException("the model is not built yet: fit or build it before exporting");
            }
            return OnnxSequential.export(new OnnxExport(s.dtype()), s, classNames);
        }
        throw new IllegalArgumentException("ONNX export takes MLPClassifier, MLPRegressor, Perceptron and Sequential"
                + " models");
    }

    /**
     * The Perceptron: {@code scores} = x·coefᵀ + intercept (its decision function, one column for two classes),
     * {@code index} (class 1 where the score is above 0; else the first largest score) and {@code label}.
     */
    private ModelProto perceptron(Perceptron p, String x) {
        double[][] coef = p.coef();
        double[] b = p.intercept();
        int problems = coef.length;
        int d = coef[0].length;
        double[] wt = new double[d * problems];
        for (int c = 0; c < problems; c++) {
            for (int j = 0; j < d; j++) {
                wt[j * problems + c] = coef[c][j];
            }
        }
        String scores = node("Add", node("MatMul", x, constant(Tensor.wrap(wt, d, problems))),
                constant(Tensor.wrap(b.clone(), problems)));
        // two classes: argmax over (−s, s) picks class 1 exactly where s > 0, as predict does
        String ranked = problems == 1 ? node("Concat", List.of(node("Neg", scores), scores), AttributeProto
                .newBuilder().setName("axis").setType(AttributeProto.AttributeType.INT).setI(1).build()) : scores;
        String[] names = p.classNames();
        classifierOutputs(scores, "scores", problems, ranked, names, numeric(p::classes));
        return model();
    }

    private ModelProto mlp(MultilayerPerceptron m) {
        return mlp(m, input(m.nFeaturesIn()));
    }

    /** The MLP's layers and outputs after {@code x}, the graph's value that holds its input rows. */
    private ModelProto mlp(MultilayerPerceptron m, String x) {
        List<Tensor> w = m.coefs();
        List<Tensor> b = m.intercepts();
        for (int i = 0; i < w.size(); i++) {
            x = node("Add", node("MatMul", x, constant(w.get(i))), constant(b.get(i).reshape(b.get(i).size())));
            x = activation(i + 1 < w.size() ? m.params().activation() : m.outActivation(), 0, x);
        }
        if (m instanceof MLPClassifier c) {
            boolean binary = m.nOutputs() == 1 && c.classNames().length == 2;
            classifierOutputs(binary ? twoColumns(x) : x, c.classNames(), numeric(c::classes));
        } else {
            output(x, "predictions", m.nOutputs());
        }
        return model();
    }

    /** Whether the classifier was fitted on integer labels (its {@code classes()} refuses string ones). */
    private static boolean numeric(java.util.function.Supplier<int[]> classes) {
        try {
            classes.get();
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    String activation(Activation a, double alpha, String x) {
        return switch (a) {
            case IDENTITY -> x;
            case RELU -> node("Relu", x);
            case LOGISTIC -> node("Sigmoid", x);
            case TANH -> node("Tanh", x);
            case SOFTMAX -> node("Softmax", List.of(x), AttributeProto.newBuilder().setName("axis")
                    .setType(AttributeProto.AttributeType.INT).setI(-1).build());
            case LEAKY_RELU, ELU -> node(a == Activation.ELU ? "Elu" : "LeakyRelu", List.of(x), AttributeProto.newBuilder()
                    .setName("alpha").setType(AttributeProto.AttributeType.FLOAT)
                    .setF((float) (alpha > 0 ? alpha : a.defaultAlpha())).build());
            case STEP -> node("Cast", List.of(node("Greater", x, constant(scalar(0)))), AttributeProto.newBuilder()
                    .setName("to").setType(AttributeProto.AttributeType.INT).setI(elem).build());
        };
    }

    /** One logistic output p as the two columns (1 − p, p). */
    String twoColumns(String p) {
        return node("Concat", List.of(node("Sub", constant(scalar(1)), p), p), AttributeProto.newBuilder()
                .setName("axis").setType(AttributeProto.AttributeType.INT).setI(1).build());
    }

    void classifierOutputs(String proba, String[] classes, boolean numericLabels) {
        classifierOutputs(proba, "probabilities", classes.length, proba, classes, numericLabels);
    }

    /** Outputs {@code values} as {@code valuesName} (N × {@code cols}), then the arg-max of {@code ranked} and its label. */
    private void classifierOutputs(String values, String valuesName, int cols, String ranked, String[] classes,
                                   boolean numericLabels) {
        graph.addNode(NodeProto.newBuilder().setOpType("Identity").addInput(values).addOutput(valuesName));
        output(valuesName, cols, elem);
        graph.addNode(NodeProto.newBuilder().setOpType("ArgMax").addInput(ranked).addOutput("index")
                .addAttribute(AttributeProto.newBuilder().setName("axis").setType(AttributeProto.AttributeType.INT).setI(1))
                .addAttribute(AttributeProto.newBuilder().setName("keepdims").setType(AttributeProto.AttributeType.INT)
                        .setI(0)));
        graph.addOutput(vector("index", TensorProto.DataType.INT64_VALUE));
        TensorProto.Builder labels = TensorProto.newBuilder().setName(fresh("classes")).addDims(classes.length);
        if (numericLabels) {
            labels.setDataType(TensorProto.DataType.INT64_VALUE);
            for (String c : classes) {
                labels.addInt64Data(Long.parseLong(c));
            }
        } else {
            labels.setDataType(TensorProto.DataType.STRING_VALUE);
            for (String c : classes) {
                labels.addStringData(ByteString.copyFromUtf8(c));
            }
        }
        graph.addInitializer(labels);
        graph.addNode(NodeProto.newBuilder().setOpType("Gather").addInput(labels.getName()).addInput("index")
                .addOutput("label"));
        graph.addOutput(vector("label", numericLabels ? TensorProto.DataType.INT64_VALUE
                : TensorProto.DataType.STRING_VALUE));
    }

    String input(int features) {
        graph.addInput(ValueInfoProto.newBuilder().setName("input").setType(type(elem, features)));
        return "input";
    }

    void output(String value, String name, int width) {
        graph.addNode(NodeProto.newBuilder().setOpType("Identity").addInput(value).addOutput(name));
        output(name, width, elem);
    }

    private void output(String name, int width, int type) {
        graph.addOutput(ValueInfoProto.newBuilder().setName(name).setType(type(type, width)));
    }

    private static TypeProto type(int elem, int width) {
        return TypeProto.newBuilder().setTensorType(TypeProto.Tensor.newBuilder().setElemType(elem)
                .setShape(TensorShapeProto.newBuilder()
                        .addDim(TensorShapeProto.Dimension.newBuilder().setDimParam("N"))
                        .addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(width)))).build();
    }

    private static ValueInfoProto vector(String name, int elem) {
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(
                TypeProto.Tensor.newBuilder().setElemType(elem).setShape(TensorShapeProto.newBuilder()
                        .addDim(TensorShapeProto.Dimension.newBuilder().setDimParam("N"))))).build();
    }

    ModelProto model() {
        return ModelProto.newBuilder().setIrVersion(8).setProducerName("jnn").setProducerVersion(ModelFiles.VERSION)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(17)).setGraph(graph).build();
    }

    String node(String op, String... inputs) {
        return node(op, List.of(inputs));
    }

    String node(String op, List<String> inputs, AttributeProto... attributes) {
        String out = fresh(op.toLowerCase(java.util.Locale.ROOT));
        NodeProto.Builder n = NodeProto.newBuilder().setOpType(op).setName(out).addAllInput(inputs).addOutput(out);
        for (AttributeProto a : attributes) {
            n.addAttribute(a);
        }
        graph.addNode(n);
        return out;
    }

    /** The dtype of the graph's values. */
    DType dtype() {
        return dtype;
    }

    /** The ONNX element type of the graph's values. */
    int elem() {
        return elem;
    }

    String transpose(String x, long... perm) {
        AttributeProto.Builder a = AttributeProto.newBuilder().setName("perm").setType(AttributeProto.AttributeType.INTS);
        for (long p : perm) {
            a.addInts(p);
        }
        return node("Transpose", List.of(x), a.build());
    }

    static AttributeProto ints(String name, List<?> values) {
        AttributeProto.Builder a = AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS);
        values.forEach(v -> a.addInts(((Number) v).longValue()));
        return a.build();
    }

    /** An initializer holding {@code t}'s values in the model's dtype, little-endian raw data. */
    String constant(Tensor t) {
        Tensor v = t.to(dtype).copy();
        ByteBuffer raw = ByteBuffer.allocate(v.size() * dtype.bytes()).order(ByteOrder.LITTLE_ENDIAN);
        if (dtype == DType.FLOAT64) {
            raw.asDoubleBuffer().put(v.doubleData(), 0, v.size());
        } else {
            raw.asFloatBuffer().put(v.floatData(), 0, v.size());
        }
        String name = fresh("w");
        TensorProto.Builder p = TensorProto.newBuilder().setName(name).setDataType(elem).setRawData(ByteString.copyFrom(raw.array()));
        if (!(v.rank() == 1 && v.size() == 1 && t.rank() == 0)) {
            for (int d : v.shape()) {
                p.addDims(d);
            }
        }
        graph.addInitializer(p);
        return name;
    }

    /** A rank-0 constant (as Clip's bounds must be). */
    String scalarConstant(double value) {
        String name = fresh("c");
        TensorProto.Builder p = TensorProto.newBuilder().setName(name).setDataType(elem);
        if (dtype == DType.FLOAT64) {
            p.addDoubleData(value);
        } else {
            p.addFloatData((float) value);
        }
        graph.addInitializer(p);
        return name;
    }

    Tensor scalar(double value) {
        Tensor t = Tensor.zeros(dtype, 1);
        t.setFlat(0, value);
        return t;
    }

    String longs(long... values) {
        String name = fresh("shape");
        TensorProto.Builder p = TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.INT64_VALUE)
                .addDims(values.length);
        for (long v : values) {
            p.addInt64Data(v);
        }
        graph.addInitializer(p);
        return name;
    }

    static String[] indices(int k) {
        String[] out = new String[k];
        for (int i = 0; i < k; i++) {
            out[i] = Integer.toString(i);
        }
        return out;
    }

    private String fresh(String prefix) {
        return prefix + "_" + names++;
    }
}
