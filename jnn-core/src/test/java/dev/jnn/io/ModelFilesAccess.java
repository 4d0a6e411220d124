package dev.jnn.io;

/** The model-file loader on bytes in memory, for the fuzz tests. */
public final class ModelFilesAccess {
    private ModelFilesAccess() {
    }

    /** What {@code ModelFiles.load} makes of a file holding {@code data}. */
    public static Object load(byte[] data) {
        return ModelReader.fromContents(SafeTensors.parse(data, "fuzz.safetensors"), "fuzz.safetensors");
    }
}
