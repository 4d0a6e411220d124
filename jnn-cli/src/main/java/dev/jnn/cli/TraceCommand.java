package dev.jnn.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.jnn.nn.Activation;
import dev.jnn.nn.BackpropTrace;
import dev.jnn.util.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code jnn trace}: back-propagation on a tiny network, printed value by value, sample by sample. */
@Command(name = "trace", mixinStandardHelpOptions = true,
        description = "Train a tiny fully connected network by plain SGD, one update per sample, and print every"
                + " pre-activation z, activation a, delta, gradient and updated weight and bias.")
final class TraceCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--layer-sizes", required = true, split = ",", paramLabel = "N,N,...",
            description = "Units per layer, the inputs first, e.g. 1,1,1.")
    List<Integer> sizes;

    @Option(names = "--hidden-activation", defaultValue = "relu", paramLabel = "relu|logistic|tanh|identity",
            description = "Default: ${DEFAULT-VALUE}.")
    String hidden;

    @Option(names = "--output-activation", defaultValue = "identity", paramLabel = "identity|logistic|softmax",
            description = "Default: ${DEFAULT-VALUE}.")
    String output;

    @Option(names = "--loss", defaultValue = "half-squared-error",
            paramLabel = "half-squared-error|squared-error|cross-entropy", description = "Default: ${DEFAULT-VALUE}.")
    String loss;

    @Option(names = "--weights", defaultValue = "1", paramLabel = "W|FILE.json",
            description = "Every weight's start (a number), or a JSON list of inputs x outputs matrices. Default: 1.")
    String weights;

    @Option(names = "--biases", defaultValue = "0", description = "Every bias's start. Default: ${DEFAULT-VALUE}.")
    double biases;

    @Option(names = "--learning-rate", defaultValue = "0.01", description = "Default: ${DEFAULT-VALUE}.")
    double rate;

    @Option(names = "--samples", required = true, paramLabel = "X:T;X:T",
            description = "Inputs and targets, e.g. \"1:3;2:4;3:5\" (several values comma-separated).")
    String samples;

    @Option(names = "--epochs", defaultValue = "1", description = "Passes over the samples. Default: ${DEFAULT-VALUE}.")
    int epochs;

    @Option(names = "--digits", defaultValue = "6", description = "Decimals printed. Default: ${DEFAULT-VALUE}.")
    int digits;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write every step as JSON.")
    Path json;

    @Override
    public Integer call() throws Exception {
        if (sizes.size() < 2 || sizes.stream().anyMatch(s -> s < 1) || epochs < 1 || digits < 0 || digits > 17) {
            throw new IllegalArgumentException("--layer-sizes needs two or more sizes >= 1, --epochs >= 1 and --digits"
                    + " in [0, 17]");
        }
        Activation h = activation("--hidden-activation", hidden);
        Activation o = activation("--output-activation", output);
        BackpropTrace.TraceLoss l = switch (loss) {
            case "half-squared-error" -> BackpropTrace.TraceLoss.HALF_SQUARED_ERROR;
            case "squared-error" -> BackpropTrace.TraceLoss.SQUARED_ERROR;
            case "cross-entropy" -> BackpropTrace.TraceLoss.CROSS_ENTROPY;
            default -> throw new IllegalArgumentException("--loss must be half-squared-error, squared-error or"
                    + " cross-entropy, got '" + loss + "'");
        };
        int layers = sizes.size() - 1;
        double[][][] w = startWeights(layers);
        double[][] b = new double[layers][];
        for (int i = 0; i < layers; i++) {
            b[i] = new double[sizes.get(i + 1)];
            Arrays.fill(b[i], biases);
        }
        double[][][] data = samples(sizes.get(0), sizes.get(layers));
        BackpropTrace trace = new BackpropTrace(w, b, h, o, l, rate);
        List<BackpropTrace.Step> steps = trace.run(data[0], data[1], epochs);
        PrintWriter out = spec.commandLine().getOut();
        String f = "%." + digits + "f";
        for (int s = 0; s < steps.size(); s++) {
            BackpropTrace.Step st = steps.get(s);
            out.printf("step %d (sample %d, x = %s, target = %s)%n", s + 1, st.sample() + 1, vec(data[0][st.sample()], f),
                    vec(data[1][st.sample()], f));
            for (int i = 0; i < layers; i++) {
                out.printf("  layer %d: z = %s  a = %s  delta = %s%n", i + 1, vec(st.z()[i], f), vec(st.a()[i], f),
                        vec(st.delta()[i], f));
            }
            for (int i = 0; i < layers; i++) {
                out.printf("  layer %d: grad W = %s  grad b = %s  ->  W = %s  b = %s%n", i + 1, mat(st.gradWeights()[i], f),
                        vec(st.gradBiases()[i], f), mat(st.weights()[i], f), vec(st.biases()[i], f));
            }
        }
        out.flush();
        if (json != null) {
            List<Map<String, Object>> list = new ArrayList<>();
            for (BackpropTrace.Step st : steps) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("sample", st.sample());
                m.put("z", st.z());
                m.put("a", st.a());
                m.put("delta", st.delta());
                m.put("grad_weights", st.gradWeights());
                m.put("grad_biases", st.gradBiases());
                m.put("weights", st.weights());
                m.put("biases", st.biases());
                list.add(m);
            }
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("steps", list);
            root.put("final", Map.of("weights", trace.weights(), "biases", trace.biases()));
            AtomicFiles.write(json, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(root));
        }
        return 0;
    }

    private double[][][] startWeights(int layers) throws Exception {
        double[][][] w = new double[layers][][];
        if (weights.endsWith(".json")) {
            Path file = Path.of(weights);
            if (!Files.isRegularFile(file)) {
                throw new dev.jnn.data.DataException(file + ": no such file");
            }
            double[][][] read = new ObjectMapper().readValue(file.toFile(), double[][][].class);
            if (read.length != layers) {
                throw new dev.jnn.data.DataException(file + ": " + read.length + " matrices, --layer-sizes needs " + layers);
            }
            return read;
        }
        double v;
        try {
            v = Double.parseDouble(weights);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--weights must be a number or a .json file, got '" + weights + "'");
        }
        for (int i = 0; i < layers; i++) {
            w[i] = new double[sizes.get(i)][sizes.get(i + 1)];
            for (double[] row : w[i]) {
                Arrays.fill(row, v);
            }
        }
        return w;
    }

    /** {inputs, targets} from "x,x:t;x:t". */
    private double[][][] samples(int inputs, int outputs) {
        String[] parts = samples.split(";");
        double[][] x = new double[parts.length][];
        double[][] t = new double[parts.length][];
        for (int s = 0; s < parts.length; s++) {
            String[] io = parts[s].split(":");
            try {
                x[s] = Arrays.stream(io[0].split(",")).mapToDouble(v -> Double.parseDouble(v.trim())).toArray();
                t[s] = Arrays.stream(io[1].split(",")).mapToDouble(v -> Double.parseDouble(v.trim())).toArray();
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("--samples: '" + parts[s] + "' is not INPUTS:TARGETS");
            }
            if (io.length != 2 || x[s].length != inputs || t[s].length != outputs) {
                throw new IllegalArgumentException("--samples: '" + parts[s] + "' needs " + inputs + " inputs and "
                        + outputs + " targets");
            }
        }
        return new double[][][] {x, t};
    }

    private static Activation activation(String option, String name) {
        Activation a = Activation.fromPythonName(name);
        if (a == null) {
            throw new IllegalArgumentException(option + ": unknown activation '" + name + "'");
        }
        return a;
    }

    private static String vec(double[] v, String f) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < v.length; i++) {
            b.append(i > 0 ? ", " : "").append(String.format(Locale.ROOT, f, v[i]));
        }
        return b.append(']').toString();
    }

    private static String mat(double[][] m, String f) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < m.length; i++) {
            b.append(i > 0 ? ", " : "").append(vec(m[i], f));
        }
        return b.append(']').toString();
    }
}
