package dev.jnn.estimator;

import java.util.Arrays;

/**
 * scikit-learn's {@code compute_class_weight} for the {@code class_weight} parameter written as text: null (every
 * class weighs 1), {@code balanced} (n_samples / (n_classes · count)), or {@code label:weight} pairs with the
 * other classes at 1.
 */
final class ClassWeights {
    private ClassWeights() {
    }

    /** The weight of each class index; {@code index} holds each sample's class index. */
    static double[] of(String spec, ClassLabels labels, int[] index) {
        int k = labels.size();
        double[] cw = new double[k];
        Arrays.fill(cw, 1.0);
        if (spec == null) {
            return cw;
        }
        if (spec.equals("balanced")) {
            int[] count = new int[k];
            for (int i : index) {
                count[i]++;
            }
            for (int c = 0; c < k; c++) {
                cw[c] = (double) index.length / (k * (double) count[c]);
            }
            return cw;
        }
        String[] names = labels.names();
        for (String pair : spec.split(",")) {
            String[] kv = pair.split(":");
            int at = kv.length == 2 ? Arrays.asList(names).indexOf(kv[0].trim()) : -1;
            if (at < 0) {
                throw new IllegalArgumentException("class_weight '" + pair + "': expected label:weight with a label among "
                        + Arrays.toString(names));
            }
            try {
                cw[at] = Double.parseDouble(kv[1].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("class_weight '" + pair + "': the weight is not a number");
            }
        }
        return cw;
    }
}
