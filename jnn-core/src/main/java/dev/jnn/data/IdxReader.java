package dev.jnn.data;

import dev.jnn.tensor.DType;
import dev.jnn.util.PyFormat;
import dev.jnn.tensor.Tensor;

import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads IDX files (the MNIST format), raw or gzip-compressed: a magic number {@code 00 00 type rank}, the
 * big-endian dimensions, then the elements in row-major order. All element types are read: unsigned byte (0x08),
 * signed byte (0x09), short (0x0B), int (0x0C), float (0x0D) and double (0x0E). A bad header, a short file or
 * trailing bytes are errors naming the file and the byte offset, raised before the array is allocated.
 */
public final class IdxReader {
    private IdxReader() {
    }

    /** The array in {@code file} as a tensor of the given dtype, with the file's shape. */
    public static Tensor read(Path file, DType dtype) {
        return parse(BinaryFiles.readAll(file, headerCheck(file.toString(), dtype)), file.toString(), dtype);
    }

    /** Checks a compressed IDX stream's header as its first bytes arrive. */
    static BinaryFiles.HeaderCheck headerCheck(String name, DType dtype) {
        return (head, length) -> header(head, length, name, dtype) != null;
    }

    private record Header(ElementType type, long[] dims, long count) {
    }

    /**
     * The header in {@code data[0, length)}, or null while those bytes end inside it. A bad magic number fails at
     * once, and so does a shape whose decoded array would not fit the memory budget.
     */
    private static Header header(byte[] data, int length, String name, DType dtype) {
        if (length < 4) {
            return null;
        }
        int zero = ((data[0] & 0xff) << 8) | (data[1] & 0xff);
        int code = data[2] & 0xff;
        int rank = data[3] & 0xff;
        ElementType type = switch (code) {
            case 0x08 -> ElementType.UINT8;
            case 0x09 -> ElementType.INT8;
            case 0x0B -> ElementType.INT16;
            case 0x0C -> ElementType.INT32;
            case 0x0D -> ElementType.FLOAT32;
            case 0x0E -> ElementType.FLOAT64;
            default -> null;
        };
        if (zero != 0 || type == null || rank == 0) {
            throw new DataException(name + ": not an IDX file: bad magic number 0x"
                    + String.format("%02x%02x%02x%02x", data[0], data[1], data[2], data[3]) + " at byte 0");
        }
        if (length < 4 + 4 * rank) {
            return null;
        }
        long[] dims = new long[rank];
        for (int i = 0; i < rank; i++) {
            int p = 4 + 4 * i;
            dims[i] = ((data[p] & 0xffL) << 24) | ((data[p + 1] & 0xff) << 16) | ((data[p + 2] & 0xff) << 8)
                    | (data[p + 3] & 0xff);
            if (dims[i] > Integer.MAX_VALUE) {
                throw new DataException(name + ": dimension " + dims[i] + " at byte " + p + " is too large");
            }
        }
        return new Header(type, dims, BinaryFiles.count(dims, type.size, dtype.bytes(), name, 4));
    }

    /** The labels in a rank-1 IDX file as ints. */
    public static int[] readLabels(Path file) {
        Tensor t = read(file, DType.FLOAT64);
        if (t.rank() != 1) {
            throw new DataException(file + ": expected a rank-1 label file, found shape " + Arrays.toString(t.shape()));
        }
        double[] d = t.doubleData();
        int[] out = new int[d.length];
        for (int i = 0; i < out.length; i++) {
            // IDX labels are class numbers; a float label file must hold whole numbers in int range, >= 0.
            if (!(d[i] >= 0 && d[i] <= Integer.MAX_VALUE && d[i] == Math.rint(d[i]))) {
                throw new DataException(file + ": label " + PyFormat.repr(d[i]) + " at index " + i
                        + " is not a class number (a whole number >= 0)");
            }
            out[i] = (int) d[i];
        }
        return out;
    }

    /** Parses the bytes of an IDX file; {@code name} is used in messages. */
    static Tensor parse(byte[] data, String name, DType dtype) {
        BinaryFiles.need(data, 0, 4, name, "the magic number");
        Header h = header(data, data.length, name, dtype);
        if (h == null) {
            BinaryFiles.need(data, 4, 4L * (data[3] & 0xff), name, "the " + (data[3] & 0xff) + " dimensions");
        }
        ElementType type = h.type;
        long[] dims = h.dims;
        long count = h.count;
        int rank = dims.length;
        long body = 4 + 4L * rank;
        long expected = body + count * type.size;
        if (expected > data.length) {
            throw new DataException(name + ": truncated: the header at byte 4 declares shape " + Arrays.toString(dims)
                    + " (" + expected + " bytes in all) but the file ends at byte " + data.length);
        }
        if (expected < data.length) {
            throw new DataException(name + ": size mismatch: the header declares shape " + Arrays.toString(dims)
                    + ", which ends at byte " + expected + ", but the file has " + data.length + " bytes");
        }
        int[] shape = Arrays.stream(dims).mapToInt(d -> (int) d).toArray();
        return type.decode(data, (int) body, ByteOrder.BIG_ENDIAN, dtype, shape, false);
    }
}
