package dev.jnn.data;

import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/** The dataset catalogue: built-in sets by name. */
public final class Datasets {
    private Datasets() {
    }

    /** Names that {@link #byName} knows. */
    public static final java.util.List<String> NAMES = java.util.List.of("digits");

    /** A built-in dataset by its catalogue name. */
    public static Dataset byName(String name) {
        return switch (name) {
            case "digits" -> digits();
            default -> throw new DataException("unknown dataset '" + name + "'; known: " + String.join(", ", NAMES)
                    + " (or give a CSV file whose last column is the label)");
        };
    }

    /** scikit-learn's digits: 1,797 8×8 images with pixel values 0..16, labels 0..9 (bundled, UCI). */
    public static Dataset digits() {
        try (InputStream in = Datasets.class.getResourceAsStream("digits.csv.gz")) {
            if (in == null) {
                throw new DataException("the bundled digits.csv.gz is missing from the jnn-core jar");
            }
            Dataset d = CsvReader.read(new GZIPInputStream(in), "digits", -1);
            return new Dataset("digits", d.x(), d.labels());
        } catch (IOException e) {
            throw new DataException("cannot read the bundled digits data: " + e.getMessage(), e);
        }
    }
}
