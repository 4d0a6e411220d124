package dev.jnn.io;

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
import dev.jnn.tensor.Tensor;
import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.ModelProto;

import java.util.List;
import java.util.Map;

/**
 * The ONNX graph of a built {@code Sequential}, layer by layer on an {@link OnnxExport}: images go to NCHW for
 * the convolutions and pools and back to Keras's NHWC order before Flatten, so the weights keep their meaning.
 */
final class OnnxSequential {
    private OnnxSequential() {
    }

    static ModelProto export(OnnxExport e, Sequential s, String[] classNames) {
        int[] shape = s.inputShape();
        String x = e.input(Layer.size(shape));
        boolean nchw = false;
        if (shape.length == 3) {
            x = e.node("Reshape", x, e.longs(-1, shape[0], shape[1], shape[2]));
            x = e.transpose(x, 0, 3, 1, 2);
            nchw = true;
        }
        for (Layer l : s.layers()) {
            Map<String, Object> c = l.config();
            if (l instanceof Input || l instanceof Dropout) {
                continue;
            }
            if (l instanceof Flatten) {
                if (nchw) {
                    x = e.transpose(x, 0, 2, 3, 1);
                    nchw = false;
                }
                x = e.node("Flatten", x);
            } else if (l instanceof Dense d) {
                x = e.node("Add", e.node("MatMul", x, e.constant(d.kernel().value())),
                        e.constant(d.bias().value().reshape(d.bias().value().size())));
                x = e.activation(d.activation(), 0, x);
            } else if (l instanceof Conv2D conv) {
                x = conv(e, conv, c, x, shapeBefore(s, l));
                x = e.activation(conv.activation(), 0, x);
            } else if (l.type().equals("MaxPool2D") || l.type().equals("AveragePooling2D")) {
                List<?> pool = (List<?>) c.get("pool_size");
                List<?> strides = (List<?>) c.get("strides");
                x = e.node(l instanceof MaxPool2D ? "MaxPool" : "AveragePool", List.of(x),
                        OnnxExport.ints("kernel_shape", pool), e.ints("strides", strides));
            } else if (l instanceof BatchNormalization) {
                List<Tensor> p = l.parameters().stream().map(q -> q.value()).toList();
                List<Tensor> buf = l.buffers().stream().map(q -> q.value()).toList();
                x = e.node("BatchNormalization", List.of(x, e.constant(p.get(0)), e.constant(p.get(1)), e.constant(buf.get(0)),
                        e.constant(buf.get(1))), AttributeProto.newBuilder().setName("epsilon")
                        .setType(AttributeProto.AttributeType.FLOAT).setF(((Number) c.get("epsilon")).floatValue()).build());
            } else if (l instanceof ActivationLayer a) {
                x = e.activation(a.activation(), c.containsKey("alpha") ? ((Number) c.get("alpha")).doubleValue() : 0, x);
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
            String[] names = classNames != null ? classNames : e.indices(k);
            e.classifierOutputs(k == 1 ? e.twoColumns(x) : x, names, classNames == null);
        } else {
            e.output(x, "predictions", Layer.size(out));
        }
        return e.model();
    }

    /** Conv2D in NCHW: Keras's (kh, kw, c, f) kernel as ONNX's (f, c, kh, kw), 'same' as explicit pads. */
    private static String conv(OnnxExport e, Conv2D conv, Map<String, Object> c, String x, int[] in) {
        List<?> size = (List<?>) c.get("kernel_size");
        List<?> strides = (List<?>) c.get("strides");
        int kh = (Integer) size.get(0);
        int kw = (Integer) size.get(1);
        int sy = (Integer) strides.get(0);
        int sx = (Integer) strides.get(1);
        Tensor k = conv.kernel().value();
        int channels = k.rows() / (kh * kw);
        int filters = k.cols();
        Tensor w = Tensor.zeros(e.dtype(), filters, channels, kh, kw);
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
        return e.node("Conv", List.of(x, e.constant(w), e.constant(conv.bias().value())), OnnxExport.ints("kernel_shape", List.of(kh, kw)),
                e.ints("strides", List.of(sy, sx)), AttributeProto.newBuilder().setName("pads")
                        .setType(AttributeProto.AttributeType.INTS).addInts(pads[0]).addInts(pads[1]).addInts(pads[2])
                        .addInts(pads[3]).build());
    }

    private static int[] shapeBefore(Sequential s, Layer layer) {
        int i = s.layers().indexOf(layer);
        return i == 0 ? s.inputShape() : s.layers().get(i - 1).outputShape();
    }
}
