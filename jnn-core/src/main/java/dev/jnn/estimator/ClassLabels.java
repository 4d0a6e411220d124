package dev.jnn.estimator;

import dev.jnn.tensor.DType;
import dev.jnn.tensor.Tensor;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * The sorted classes of a classifier and scikit-learn's {@code LabelBinarizer} behaviour (spec §0.6): binary
 * targets become one 0/1 column (1 for {@code classes[1]}), multiclass targets a one-hot matrix, and a multilabel
 * indicator passes through with classes {@code 0..L-1}. Labels are ints or strings; never both.
 */
final class ClassLabels {
    enum Kind { BINARY, MULTICLASS, MULTILABEL }

    final Kind kind;
    private final int[] ints;        // null for string labels
    private final String[] strings;  // null for int labels

    private ClassLabels(Kind kind, int[] ints, String[] strings) {
        this.kind = kind;
        this.ints = ints;
        this.strings = strings;
    }

    static ClassLabels of(int[] y) {
        int[] classes = Arrays.stream(y).distinct().sorted().toArray();
        return new ClassLabels(classes.length <= 2 ? Kind.BINARY : Kind.MULTICLASS, classes, null);
    }

    static ClassLabels of(String[] y) {
        for (int i = 0; i < y.length; i++) {
            if (y[i] == null) {
                throw new IllegalArgumentException("y[" + i + "] is null; labels must be non-null strings");
            }
        }
        String[] classes = new TreeSet<>(Arrays.asList(y)).toArray(new String[0]);
        return new ClassLabels(classes.length <= 2 ? Kind.BINARY : Kind.MULTICLASS, null, classes);
    }

    /** Labels read back from a model file: the integer or the string classes, or a multilabel indicator. */
    static ClassLabels restored(boolean multilabel, int[] ints, String[] strings) {
        if (multilabel) {
            return multilabel(ints.length);
        }
        int n = ints != null ? ints.length : strings.length;
        return new ClassLabels(n <= 2 ? Kind.BINARY : Kind.MULTICLASS, ints == null ? null : ints.clone(),
                strings == null ? null : strings.clone());
    }

    static ClassLabels multilabel(int labels) {
        int[] classes = new int[labels];
        Arrays.setAll(classes, i -> i);
        return new ClassLabels(Kind.MULTILABEL, classes, null);
    }

    int size() {
        return ints != null ? ints.length : strings.length;
    }

    boolean isString() {
        return strings != null;
    }

    int[] ints() {
        if (ints == null) {
            throw new IllegalStateException("this classifier was fitted on String labels: use classNames() and predictNames()");
        }
        return ints.clone();
    }

    String[] names() {
        return ints != null ? Arrays.stream(ints).mapToObj(Integer::toString).toArray(String[]::new) : strings.clone();
    }

    /** Whether both hold the same classes. */
    boolean sameAs(ClassLabels other) {
        return Arrays.equals(ints, other.ints) && Arrays.equals(strings, other.strings);
    }

    /** Whether every class of {@code other} is one of these. */
    boolean contains(ClassLabels other) {
        return other.ints != null
                ? ints != null && Arrays.stream(other.ints).allMatch(c -> Arrays.binarySearch(ints, c) >= 0)
                : strings != null && Arrays.stream(other.strings).allMatch(c -> Arrays.binarySearch(strings, c) >= 0);
    }

    /** Indices into the classes, for labels already known to be classes. */
    int[] encode(int[] y) {
        int[] out = new int[y.length];
        for (int i = 0; i < y.length; i++) {
            out[i] = Arrays.binarySearch(ints, y[i]);
        }
        return out;
    }

    int[] encode(String[] y) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < strings.length; i++) {
            index.put(strings[i], i);
        }
        return Arrays.stream(y).mapToInt(index::get).toArray();
    }

    /** The binarised targets (rows × outputs) for class indices. */
    Tensor binarize(int[] index, DType dtype) {
        int cols = kind == Kind.BINARY ? 1 : size();
        Tensor y = Tensor.zeros(dtype, index.length, cols);
        for (int r = 0; r < index.length; r++) {
            if (cols == 1) {
                y.set(index[r] == 1 ? 1 : 0, r, 0);
            } else {
                y.set(1, r, index[r]);
            }
        }
        return y;
    }

    /** numpy's printing of the class array, e.g. {@code [0 1 2]} or {@code ['a' 'b']}. */
    @Override
    public String toString() {
        return ints != null
                ? Arrays.stream(ints).mapToObj(Integer::toString).collect(java.util.stream.Collectors.joining(" ", "[", "]"))
                : Arrays.stream(strings).map(s -> "'" + s + "'").collect(java.util.stream.Collectors.joining(" ", "[", "]"));
    }
}
