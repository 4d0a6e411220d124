package dev.jnn.metrics;

import dev.jnn.util.NumpySum;
import dev.jnn.util.PyFormat;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * scikit-learn's {@code classification_report} for binary and multiclass labels: per-label precision, recall,
 * F1 and support, then the accuracy, macro and weighted averages. {@link #text()} is identical to scikit-learn's
 * string character for character (spec §4.5), including Python's half-to-even rounding of the exact value.
 */
public final class ClassificationReport {
    private final String[] names;
    private final double[] precision;
    private final double[] recall;
    private final double[] f1;
    private final long[] support;
    private final double accuracy;
    private final int digits;

    private ClassificationReport(String[] names, ConfusionMatrix cm, int digits, ZeroDivision zeroDivision) {
        this.names = names;
        this.digits = digits;
        int k = names.length;
        precision = new double[k];
        recall = new double[k];
        f1 = new double[k];
        support = new long[k];
        long correct = 0;
        long total = 0;
        for (int i = 0; i < k; i++) {
            long tp = cm.counts()[i][i];
            long predicted = 0;
            long actual = 0;
            for (int j = 0; j < k; j++) {
                predicted += cm.counts()[j][i];
                actual += cm.counts()[i][j];
            }
            precision[i] = predicted == 0 ? zeroDivision.value() : (double) tp / predicted;
            recall[i] = actual == 0 ? zeroDivision.value() : (double) tp / actual;
            double denominator = precision[i] + recall[i];
            f1[i] = denominator == 0 ? 0 : 2 * precision[i] * recall[i] / denominator;
            support[i] = actual;
            correct += tp;
            total += actual;
        }
        accuracy = total == 0 ? 0 : (double) correct / total;
    }

    private ClassificationReport(ClassificationReport o, String[] names) {
        this.names = names;
        this.precision = o.precision;
        this.recall = o.recall;
        this.f1 = o.f1;
        this.support = o.support;
        this.accuracy = o.accuracy;
        this.digits = o.digits;
    }

    /**
     * The same report with the rows named {@code targetNames} (scikit-learn's {@code target_names}), in the order
     * of the sorted labels.
     */
    public ClassificationReport withTargetNames(String[] targetNames) {
        if (targetNames.length != names.length) {
            throw new IllegalArgumentException("Number of classes, " + names.length + ", does not match size of"
                    + " target_names, " + targetNames.length + ". Try specifying the labels parameter");
        }
        return new ClassificationReport(this, targetNames.clone());
    }

    /** The report for int labels with 2 decimals. */
    public static ClassificationReport of(int[] yTrue, int[] yPred) {
        return of(yTrue, yPred, 2, ZeroDivision.WARN);
    }

    /** The report for int labels. */
    public static ClassificationReport of(int[] yTrue, int[] yPred, int digits, ZeroDivision zeroDivision) {
        LabelSet set = LabelSet.of(yTrue, yPred);
        return new ClassificationReport(set.names(), ConfusionMatrix.of(set), checkDigits(digits), zeroDivision);
    }

    /** The report for string labels with 2 decimals. */
    public static ClassificationReport of(String[] yTrue, String[] yPred) {
        return of(yTrue, yPred, 2, ZeroDivision.WARN);
    }

    /** The report for string labels. */
    public static ClassificationReport of(String[] yTrue, String[] yPred, int digits, ZeroDivision zeroDivision) {
        LabelSet set = LabelSet.of(yTrue, yPred);
        return new ClassificationReport(set.names(), ConfusionMatrix.of(set), checkDigits(digits), zeroDivision);
    }

    private static int checkDigits(int digits) {
        if (digits < 0) {
            throw new IllegalArgumentException("digits must be >= 0, got " + digits);
        }
        return digits;
    }

    /** The accuracy (the micro-averaged F1 of single-label targets). */
    public double accuracy() {
        return accuracy;
    }

    /** scikit-learn's report text. */
    public String text() {
        int width = "weighted avg".length();
        for (String n : names) {
            width = Math.max(width, n.length());
        }
        width = Math.max(width, digits);
        long total = 0;
        for (long s : support) {
            total += s;
        }
        StringBuilder sb = new StringBuilder();
        sb.append(pad("", width)).append(' ');
        for (String h : new String[] {"precision", "recall", "f1-score", "support"}) {
            sb.append(' ').append(pad(h, 9));
        }
        sb.append("\n\n");
        for (int i = 0; i < names.length; i++) {
            row(sb, names[i], width, precision[i], recall[i], f1[i], support[i]);
        }
        sb.append('\n');
        sb.append(pad("accuracy", width)).append(' ').append(' ').append(pad("", 9)).append(' ').append(pad("", 9))
                .append(' ').append(pad(PyFormat.fixed(accuracy, digits), 9)).append(' ').append(pad(Long.toString(total), 9))
                .append('\n');
        row(sb, "macro avg", width, mean(precision, null), mean(recall, null), mean(f1, null), total);
        row(sb, "weighted avg", width, mean(precision, support), mean(recall, support), mean(f1, support), total);
        return sb.toString();
    }

    /** The {@code output_dict=True} form: per-label maps, then "accuracy" → a number, then the averages. */
    public Map<String, Object> toMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        long total = 0;
        for (int i = 0; i < names.length; i++) {
            out.put(names[i], entry(precision[i], recall[i], f1[i], support[i]));
            total += support[i];
        }
        out.put("accuracy", accuracy);
        out.put("macro avg", entry(mean(precision, null), mean(recall, null), mean(f1, null), total));
        out.put("weighted avg", entry(mean(precision, support), mean(recall, support), mean(f1, support), total));
        return out;
    }

    @Override
    public String toString() {
        return text();
    }

    private static Map<String, Object> entry(double p, double r, double f, long s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("precision", p);
        m.put("recall", r);
        m.put("f1-score", f);
        m.put("support", s);
        return m;
    }

    private void row(StringBuilder sb, String name, int width, double p, double r, double f, long s) {
        sb.append(pad(name, width)).append(' ');
        for (double v : new double[] {p, r, f}) {
            sb.append(' ').append(pad(PyFormat.fixed(v, digits), 9));
        }
        sb.append(' ').append(pad(Long.toString(s), 9)).append('\n');
    }

    /**
     * numpy's {@code mean}, or {@code average(v, weights=support)}, summed in numpy's pairwise order so that a
     * value on a rounding tie prints as scikit-learn's does (0 when every support is 0).
     */
    private static double mean(double[] v, long[] weights) {
        double[] terms = new double[v.length];
        double[] w = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            w[i] = weights == null ? 1 : weights[i];
            terms[i] = weights == null ? v[i] : v[i] * w[i];
        }
        double scale = weights == null ? v.length : NumpySum.sum(w);
        return scale == 0 ? 0 : NumpySum.sum(terms) / scale;
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : " ".repeat(width - s.length()) + s;
    }
}
