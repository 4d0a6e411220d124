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
import dev.jnn.model.Sequential;
import dev.jnn.nn.Activation;
import dev.jnn.nn.ActivationLayer;
import dev.jnn.nn.BatchNormalization;
import dev.jnn.nn.Conv2D;
import dev.jnn.nn.Dense;
import dev.jnn.nn.Dropout;
import dev.jnn.nn.Flatten;
import dev.jnn.nn.Input;
import dev.jnn.nn.Layer;
import dev.jnn.nn.MaxPool2D;
import dev.jnn.preprocess.Pipeline;
import dev.jnn.tensor.DType;
import dev.jnn.tensor.Tensor;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;

/**
 * ONNX export (opset 17) of fitted MLPs and of {@code Sequential} models of Dense, Conv2D, MaxPool2D,
 * AveragePooling2D, Flatten, Dropout (dropped: inference), BatchNormalization and activation layers. The graph
 * takes the same rows as {@code predict} ({@code input}, N × features, in the model's dtype); images travel in
 * ONNX's NCHW layout between a Reshape and Transpose after the input and a Transpose back to jnn's channels-last
 * order before Flatten, so the weights keep their meaning. Classifiers output {@code probabilities} (N × classes),
 * {@code index} (the arg-max, int64) and, where the classes are known, {@code label} (the class itself); regressors
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
        if (model instanceof Pipeline pipe && pipe.finalEstimator() instanceof MultilayerPerceptron mlp) {
            OnnxExport e = new OnnxExport(mlp.dtype());
            String x = e.input(OnnxTransforms.inputColumns(pipe.steps().get(0).transformer()));
            for (Pipeline.Step step : pipe.steps()) {
                x = OnnxTransforms.apply(e, step.transformer(), x);
            }
            return e.mlp(mlp, x);
        }
        if (model instanceof MultilayerPerceptron mlp) {
            return new OnnxExport(mlp.dtype()).mlp(mlp);
        }
        if (model instanceof Sequential s) {
            if (!s.isBuilt()) {
                throw new IllegalArgumentException("the model is not built yet: fit or build it before exporting");
            }
            return new OnnxExport(s.dtype()).sequential(s, classNames);
        }
        throw new IllegalArgumentException("ONNX export takes MLPClassifier, MLPRegressor and Sequential models");
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
            classifierOutputs(binary ? twoColumns(x) : x, c.classNames(), numeric(c));
        } else {
            output(x, "predictions", m.nOutputs());
        }
        return model();
    }

    private static boolean numeric(MLPClassifier c) {
        try {
            c.classes();
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    private ModelProto sequential(Sequential s, String[] classNames) {
        int[] shape = s.inputShape();
        String x = input(Layer.size(shape));
        boolean nchw = false;
        if (shape.length == 3) {
            x = node("Reshape", x, longs(-1, shape[0], shape[1], shape[2]));
            x = transpose(x, 0, 3, 1, 2);
            nchw = true;
        }
        for (Layer l : s.layers()) {
            Map<String, Object> c = l.config();
            if (l instanceof Input || l instanceof Dropout) {
                continue;
            }
            if (l instanceof Flatten) {
                if (nchw) {
                    x = transpose(x, 0, 2, 3, 1);
                    nchw = false;
                }
                x = node("Flatten", x);
            } else if (l instanceof Dense d) {
                x = node("Add", node("MatMul", x, constant(d.kernel().value())),
                        constant(d.bias().value().reshape(d.bias().value().size())));
                x = activation(d.activation(), 0, x);
            } else if (l instanceof Conv2D conv) {
                x = conv(conv, c, x, shapeBefore(s, l));
                x = activation(conv.activation(), 0, x);
            } else if (l.type().equals("MaxPool2D") || l.type().equals("AveragePooling2D")) {
                List<?> pool = (List<?>) c.get("pool_size");
                List<?> strides = (List<?>) c.get("strides");
                x = node(l instanceof MaxPool2D ? "MaxPool" : "AveragePool", List.of(x),
                        ints("kernel_shape", pool), ints("strides", strides));
            } else if (l instanceof BatchNormalization) {
                List<Tensor> p = l.parameters().stream().map(q -> q.value()).toList();
                List<Tensor> buf = l.buffers().stream().map(q -> q.value()).toList();
                x = node("BatchNormalization", List.of(x, constant(p.get(0)), constant(p.get(1)), constant(buf.get(0)),
                        constant(buf.get(1))), AttributeProto.newBuilder().setName("epsilon")
                        .setType(AttributeProto.AttributeType.FLOAT).setF(((Number) c.get("epsilon")).floatValue()).build());
            } else if (l instanceof ActivationLayer a) {
                x = activation(a.activation(), c.containsKey("alpha") ? ((Number) c.get("alpha")).doubleValue() : 0, x);
            } else {
                throw new IllegalArgumentException("ONNX export does not take " + l.type() + " layers");
            }
        }
        int[] out = s.outputShape();
        int k = out[out.length - 1];
        Layer last = s.layers().get(s.layers().size() - 1);
        boolean probabilities = last instanceof Dense d && (d.activation() == Activation.SOFTMAX
                || d.activation() == Activation.LOGISTIC) || last instanceof ActivationLayer a
                && a.activation() == Activation.SOFTMAX;
        if (probabilities && (classNames != null || k > 1)) {
            String[] names = classNames != null ? classNames : indices(k);
            classifierOutputs(k == 1 ? twoColumns(x) : x, names, classNames == null);
        } else {
            output(x, "predictions", Layer.size(out));
        }
        return model();
    }

    /** Conv2D in NCHW: Keras's (kh, kw, c, f) kernel as ONNX's (f, c, kh, kw), 'same' as explicit pads. */
    private String conv(Conv2D conv, Map<String, Object> c, String x, int[] in) {
        List<?> size = (List<?>) c.get("kernel_size");
        List<?> strides = (List<?>) c.get("strides");
        int kh = (Integer) size.get(0);
        int kw = (Integer) size.get(1);
        int sy = (Integer) strides.get(0);
        int sx = (Integer) strides.get(1);
        Tensor k = conv.kernel().value();
        int channels = k.rows() / (kh * kw);
        int filters = k.cols();
        Tensor w = Tensor.zeros(dtype, filters, channels, kh, kw);
        for (int f = 0; f < filters; f++) {
            for (int ch = 0; ch < channels; ch++) {
                for (int y = 0; y < kh; y++) {
                    for (int xx = 0; xx < kw; xx++) {
                        w.setFlat(((f * channels + ch) * kh + y) * kw + xx, k.get((y * kw + xx) * channels + ch, f));
                    }
                }
            }
        }
        long[] pads = {0, 0, 0, 0};
        if ("same".equals(c.get("padding"))) {
            int oh = (in[0] + sy - 1) / sy;
            int ow = (in[1] + sx - 1) / sx;
            int ph = Math.max((oh - 1) * sy + kh - in[0], 0);
            int pw = Math.max((ow - 1) * sx + kw - in[1], 0);
            pads = new long[] {ph / 2, pw / 2, ph - ph / 2, pw - pw / 2};
        }
        return node("Conv", List.of(x, constant(w), constant(conv.bias().value())), ints("kernel_shape", List.of(kh, kw)),
                ints("strides", List.of(sy, sx)), AttributeProto.newBuilder().setName("pads")
                        .setType(AttributeProto.AttributeType.INTS).addInts(pads[0]).addInts(pads[1]).addInts(pads[2])
                        .addInts(pads[3]).build());
    }

    private static int[] shapeBefore(Sequential s, Layer layer) {
        int i = s.layers().indexOf(layer);
        return i == 0 ? s.inputShape() : s.layers().get(i - 1).outputShape();
    }

    private String activation(Activation a, double alpha, String x) {
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
    private String twoColumns(String p) {
        return node("Concat", List.of(node("Sub", constant(scalar(1)), p), p), AttributeProto.newBuilder()
                .setName("axis").setType(AttributeProto.AttributeType.INT).setI(1).build());
    }

    private void classifierOutputs(String proba, String[] classes, boolean numericLabels) {
        graph.addNode(NodeProto.newBuilder().setOpType("Identity").addInput(proba).addOutput("probabilities"));
        output("probabilities", classes.length, elem);
        graph.addNode(NodeProto.newBuilder().setOpType("ArgMax").addInput(proba).addOutput("index")
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

    private void output(String value, String name, int width) {
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

    private ModelProto model() {
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

    private String transpose(String x, long... perm) {
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

    private Tensor scalar(double value) {
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

    private static String[] indices(int k) {
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
