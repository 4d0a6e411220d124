package dev.jnn.data;

import dev.jnn.tensor.DType;
import dev.jnn.tensor.Tensor;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reads IDX files (the MNIST format), raw or gzip-compressed: a magic number {@code 00 00 type rank}, the
 * big-endian dimensions, then the elements in row-major order. All element types are read: unsigned byte (0x08),
 * signed byte (0x09), short (0x0B), int (0x0C), float (0x0D) and double (0x0E). A bad header or a short file is an
 * error naming the file and the byte offset.
 */
public final class IdxReader {
    private IdxReader() {
    }

    /** The array in {@code file} as a tensor of the given dtype, with the file's shape. */
    public static Tensor read(Path file, DType dtype) {
        try (InputStream raw = Files.newInputStream(file)) {
            InputStream in = new BufferedInputStream(raw, 1 << 16);
            in.mark(2);
            int b0 = in.read();
            int b1 = in.read();
            in.reset();
            if (b0 == 0x1f && b1 == 0x8b) {
                in = new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
            }
            return read(new DataInputStream(in), file.toString(), dtype);
        } catch (NoSuchFileException e) {
            throw new DataException(file + ": no such file");
        } catch (IOException e) {
            throw new DataException(file + ": " + e.getMessage(), e);
        }
    }

    /** The labels in a rank-1 IDX file as ints. */
    public static int[] readLabels(Path file) {
        Tensor t = read(file, DType.FLOAT64);
        if (t.rank() != 1) {
            throw new DataException(file + ": expected a rank-1 label file, found shape " + java.util.Arrays.toString(t.shape()));
        }
        double[] d = t.doubleData();
        int[] out = new int[d.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (int) d[i];
        }
        return out;
    }

    private static Tensor read(DataInputStream in, String name, DType dtype) throws IOException {
        long offset = 0;
        try {
            int magic = in.readInt();
            offset = 4;
            int type = (magic >>> 8) & 0xff;
            int rank = magic & 0xff;
            if ((magic >>> 16) != 0 || rank == 0 || elementSize(type) == 0) {
                throw new DataException(name + ": not an IDX file (magic number 0x" + Integer.toHexString(magic) + ")");
            }
            int[] shape = new int[rank];
            long count = 1;
            for (int i = 0; i < rank; i++) {
                shape[i] = in.readInt();
                offset += 4;
                if (shape[i] < 0) {
                    throw new DataException(name + ": negative dimension " + shape[i] + " at byte " + (offset - 4));
                }
                count *= shape[i];
            }
            if (count > Integer.MAX_VALUE - 8) {
                throw new DataException(name + ": " + count + " elements is more than one array can hold");
            }
            Tensor t = Tensor.zeros(dtype, shape);
            int n = (int) count;
            for (int i = 0; i < n; i++) {
                double v = switch (type) {
                    case 0x08 -> in.readUnsignedByte();
                    case 0x09 -> in.readByte();
                    case 0x0B -> in.readShort();
                    case 0x0C -> in.readInt();
                    case 0x0D -> in.readFloat();
                    default -> in.readDouble();
                };
                offset += elementSize(type);
                if (dtype == DType.FLOAT32) {
                    t.floatData()[i] = (float) v;
                } else {
                    t.doubleData()[i] = v;
                }
            }
            return t;
        } catch (EOFException e) {
            throw new DataException(name + ": truncated at byte " + offset);
        }
    }

    private static int elementSize(int type) {
        return switch (type) {
            case 0x08, 0x09 -> 1;
            case 0x0B -> 2;
            case 0x0C, 0x0D -> 4;
            case 0x0E -> 8;
            default -> 0;
        };
    }
}
