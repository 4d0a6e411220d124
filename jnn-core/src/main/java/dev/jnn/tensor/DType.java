package dev.jnn.tensor;

/** Element type of a {@link Tensor}: 32-bit or 64-bit IEEE floating point. */
public enum DType {
    /** {@code float}, backed by {@code float[]}. */
    FLOAT32("float32", 4),
    /** {@code double}, backed by {@code double[]}. */
    FLOAT64("float64", 8);

    private final String numpyName;
    private final int bytes;

    DType(String numpyName, int bytes) {
        this.numpyName = numpyName;
        this.bytes = bytes;
    }

    /** The name numpy and the JSON reports use: {@code "float32"} or {@code "float64"}. */
    public String numpyName() {
        return numpyName;
    }

    /** Size of one element in bytes. */
    public int bytes() {
        return bytes;
    }

    /** Machine epsilon of this type (numpy's {@code finfo(dtype).eps}). */
    public double eps() {
        return this == FLOAT32 ? Math.ulp(1.0f) : Math.ulp(1.0);
    }

    /** Parses {@code float32}/{@code float64} (also {@code f4}/{@code f8}, {@code float}/{@code double}). */
    public static DType parse(String name) {
        return switch (name.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "float32", "f4", "float", "fp32" -> FLOAT32;
            case "float64", "f8", "double", "fp64" -> FLOAT64;
            default -> throw new IllegalArgumentException(
                    "dtype must be one of float32, float64; got '" + name + "'");
        };
    }

    @Override
    public String toString() {
        return numpyName;
    }
}
