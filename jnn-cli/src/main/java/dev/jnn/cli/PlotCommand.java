package dev.jnn.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jnn.data.DataException;
import dev.jnn.data.Samples;
import dev.jnn.metrics.ConfusionMatrix;
import dev.jnn.plot.Figure;
import dev.jnn.plot.Figures;
import dev.jnn.plot.LossRun;
import dev.jnn.estimator.MultilayerPerceptron;
import dev.jnn.model.Sequential;
import dev.jnn.nn.Conv2D;
import dev.jnn.nn.Dense;
import dev.jnn.nn.Layer;
import dev.jnn.tensor.DType;
import dev.jnn.tensor.Tensor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code jnn plot KIND}: one figure from saved results, from a data set, or of the activation functions. */
@Command(name = "plot", mixinStandardHelpOptions = true,
        description = "Draw one figure as PNG: loss-curve (--report, repeatable to overlay runs), confusion-matrix"
                + " (--report), search-heatmap (--results with --rows and --cols), data (--data: 2-D points, images"
                + " as a grid of samples, else two chosen --features as a pair plot), activations; from a saved"
                + " --model: feature-maps (of --sample in --data's test rows), filters, weights (the first layer's)"
                + " and reconstructions (an autoencoder's).")
final class PlotCommand implements Callable<Integer> {
    /** The kinds, as the command line names them. */
    enum Kind { LOSS_CURVE, CONFUSION_MATRIX, SEARCH_HEATMAP, DATA, ACTIVATIONS, FEATURE_MAPS, FILTERS, WEIGHTS,
        RECONSTRUCTIONS }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "KIND",
            description = "loss-curve, confusion-matrix, search-heatmap, data, activations, feature-maps, filters,"
                    + " weights or reconstructions.")
    String kind;

    @Option(names = "--report", paramLabel = "FILE.json", description = "A report of jnn fit --report (repeatable).")
    List<Path> reports = new ArrayList<>();

    @Option(names = "--results", paramLabel = "FILE.json", description = "cv_results_ of jnn search --results.")
    Path results;

    @Option(names = "--rows", paramLabel = "PARAM", description = "With search-heatmap: the parameter down the rows.")
    String rows;

    @Option(names = "--cols", paramLabel = "PARAM", description = "With search-heatmap: the parameter across.")
    String cols;

    @Option(names = "--train", description = "With search-heatmap: the training scores (search --return-train-score).")
    boolean train;

    @Option(names = "--log", description = "With loss-curve: a logarithmic loss axis.")
    boolean log;

    @Option(names = "--normalize", description = "With confusion-matrix: each true class's shares, not counts.")
    boolean normalize;

    @Option(names = "--features", paramLabel = "I,J", split = ",",
            description = "With data: the two feature columns (default 0,1).")
    List<Integer> featureColumns;

    @Mixin
    DataOptions data;

    @Option(names = "--model", paramLabel = "FILE.safetensors",
            description = "With feature-maps, filters, weights, reconstructions: the saved model.")
    Path modelFile;

    @Option(names = "--sample", defaultValue = "0", description = "With feature-maps: the test row to show.")
    int sample;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE.png", description = "Where to write (default: KIND.png).")
    Path output;

    @Override
    public Integer call() throws Exception {
        Kind k = kind(kind);
        Figure f = switch (k) {
            case LOSS_CURVE -> lossCurves();
            case CONFUSION_MATRIX -> confusion();
            case SEARCH_HEATMAP -> heatmap();
            case DATA -> dataFigure();
            case ACTIVATIONS -> Figures.activations();
            case FEATURE_MAPS, FILTERS, WEIGHTS, RECONSTRUCTIONS -> fromModel(k);
        };
        Path file = output != null ? output : Path.of(f.kind() + ".png");
        f.write(file);
        spec.commandLine().getOut().println("Wrote " + file);
        spec.commandLine().getOut().flush();
        return 0;
    }

    private static Kind kind(String name) {
        try {
            return Kind.valueOf(name.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown KIND '" + name + "': loss-curve, confusion-matrix,"
                    + " search-heatmap, data, activations, feature-maps, filters, weights or reconstructions");
        }
    }

    private Figure lossCurves() throws IOException {
        need(!reports.isEmpty(), "loss-curve needs --report FILE.json (repeatable)");
        List<LossRun> runs = new ArrayList<>();
        for (Path p : reports) {
            JsonNode root = json(p);
            String name = p.getFileName().toString().replaceFirst("\\.json$", "");
            JsonNode history = root.get("history");
            if (history != null && history.has("loss")) {
                runs.add(new LossRun(name, doubles(history.get("loss"), p), history.has("val_loss")
                        ? doubles(history.get("val_loss"), p) : null, "val_loss", true));
            } else if (root.hasNonNull("loss_curve")) {
                runs.add(new LossRun(name, doubles(root.get("loss_curve"), p), root.hasNonNull("validation_scores")
                        ? doubles(root.get("validation_scores"), p) : null, "validation score", false));
            } else {
                throw new DataException(p + ": no loss_curve or history (an lbfgs fit keeps none)");
            }
        }
        return Figures.lossCurves(runs, log);
    }

    private Figure confusion() throws IOException {
        need(reports.size() == 1, "confusion-matrix needs one --report FILE.json");
        Path p = reports.get(0);
        JsonNode test = json(p).get("test");
        if (test == null || !test.has("confusion_matrix")) {
            throw new DataException(p + ": no test.confusion_matrix (a regressor's report has none)");
        }
        List<String> labels = new ArrayList<>();
        test.get("labels").forEach(n -> labels.add(n.asText()));
        long[][] counts = new long[labels.size()][labels.size()];
        for (int r = 0; r < labels.size(); r++) {
            for (int c = 0; c < labels.size(); c++) {
                counts[r][c] = test.get("confusion_matrix").get(r).get(c).asLong();
            }
        }
        return Figures.confusionMatrix(new ConfusionMatrix(labels.toArray(String[]::new), counts), normalize);
    }

    private Figure heatmap() throws IOException {
        need(results != null && rows != null && cols != null, "search-heatmap needs --results FILE.json, --rows and --cols");
        JsonNode root = json(results);
        Map<String, List<Object>> cv = new LinkedHashMap<>();
        ObjectMapper mapper = new ObjectMapper();
        root.fields().forEachRemaining(e -> {
            List<Object> values = new ArrayList<>();
            e.getValue().forEach(n -> values.add(mapper.convertValue(n, Object.class)));
            cv.put(e.getKey(), values);
        });
        return Figures.searchHeatmap(cv, rows, cols, train);
    }

    private Figure dataFigure() {
        Samples s = data.load(DType.FLOAT64, true, false).train();
        int[] y = s.classIndices();
        String[] names = s.classes();
        if (s.x().cols() == 2 && featureColumns == null) {
            return Figures.scatter(s.x(), y, names);
        }
        int side = RunPlots.imageSide(s.x().cols());
        if (side > 0 && featureColumns == null) {                 // images: a grid of samples with their labels
            String[] captions = new String[Math.min(50, s.size())];
            for (int r = 0; r < captions.length; r++) {
                captions[r] = names[y[r]];
            }
            return Figures.samples(s.x(), side, side, captions, captions.length);
        }
        int i = featureColumns == null ? 0 : featureColumns.get(0);
        int j = featureColumns == null ? 1 : featureColumns.size() > 1 ? featureColumns.get(1) : -1;
        need(featureColumns == null || featureColumns.size() == 2, "--features takes two columns, e.g. 0,2");
        need(i >= 0 && j >= 0 && i < s.x().cols() && j < s.x().cols(), "--features " + i + "," + j
                + ": the data have columns 0 to " + (s.x().cols() - 1));
        return Figures.pairPlot(s.x(), i, j, y, names, null);
    }

    /** The figures of a saved model's insides. */
    private Figure fromModel(Kind k) throws IOException {
        need(modelFile != null, kind + " needs --model FILE.safetensors");
        SavedModel m = SavedModel.load(modelFile);
        if (k == Kind.WEIGHTS) {
            Tensor w = m.model instanceof MultilayerPerceptron mlp ? mlp.coefs().get(0) : firstDense(m);
            int side = RunPlots.imageSide(w.rows());
            need(side > 0, "weights needs a first layer over square images; this one has " + w.rows() + " inputs");
            return Figures.firstLayerWeights(w, side, side);
        }
        need(m.model instanceof Sequential, kind + " needs a saved Sequential network; " + modelFile + " holds a "
                + m.kind());
        Sequential net = (Sequential) m.model;
        Samples test = data.loadLabelled(net.dtype(), false, false, "jnn plot").test();
        if (k == Kind.RECONSTRUCTIONS) {
            int side = RunPlots.imageSide(m.features());
            need(side > 0 && Layer.size(net.outputShape()) == m.features(), "reconstructions needs an autoencoder of"
                    + " square images (as many outputs as inputs)");
            Tensor x = test.x().rows(0, Math.min(20, test.size()));
            return Figures.reconstructions(x, net.predict(x), side, side, 20);
        }
        for (int i = 0; i < net.layers().size(); i++) {
            if (net.layers().get(i) instanceof Conv2D conv) {
                if (k == Kind.FILTERS) {
                    return RunPlots.filters(conv);
                }
                need(sample >= 0 && sample < test.size(), "--sample " + sample + ": the test set has rows 0 to "
                        + (test.size() - 1));
                return RunPlots.featureMaps(net, i, test.x().rows(sample, sample + 1));
            }
        }
        throw new IllegalArgumentException(kind + " needs a network with a Conv2D layer");
    }

    private static Tensor firstDense(SavedModel m) {
        for (Layer l : ((Sequential) m.model).layers()) {
            if (l instanceof Dense d) {
                return d.kernel().value();
            }
        }
        throw new IllegalArgumentException("weights needs a Dense or MLP first layer");
    }

    private static JsonNode json(Path p) throws IOException {
        if (!Files.isRegularFile(p)) {
            throw new DataException(p + ": no such file");
        }
        try {
            return new ObjectMapper().readTree(p.toFile());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new DataException(p + ": not JSON (" + e.getOriginalMessage() + ")");
        }
    }

    private static List<Double> doubles(JsonNode array, Path p) {
        List<Double> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asDouble()));
        if (out.isEmpty()) {
            throw new DataException(p + ": an empty curve");
        }
        return out;
    }

    private static void need(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
