package dev.jnn.data;

import dev.jnn.tensor.DType;
import dev.jnn.tensor.Tensor;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.InflaterInputStream;

/**
 * MATLAB Level 5 {@code .mat} files (what {@code save -v7} writes and {@code scipy.io.loadmat} reads): compressed
 * and plain elements, double, single, integer and logical matrices of any rank, variables by name. MATLAB stores
 * column-major; the tensors are row-major with MATLAB's dimensions. Cells, structs, strings and sparse or complex
 * matrices are listed but not read. A v7.3 file is HDF5 and gets an error that says so.
 */
public final class MatFiles {
    private static final int MI_INT8 = 1;
    private static final int MI_INT32 = 5;
    private static final int MI_UINT32 = 6;
    private static final int MI_MATRIX = 14;
    private static final int MI_COMPRESSED = 15;

    private MatFiles() {
    }

    /** Every numeric or logical variable, by name, in file order. */
    public static Map<String, Tensor> read(Path file, DType dtype) {
        Map<String, Object> all = parse(BinaryFiles.readAll(file), file.toString(), dtype);
        Map<String, Tensor> out = new LinkedHashMap<>();
        all.forEach((k, v) -> {
            if (v instanceof Tensor t) {
                out.put(k, t);
            }
        });
        return out;
    }

    /** One variable, as {@code loadmat(file)[variable]}; the error lists the variables the file holds. */
    public static Tensor read(Path file, String variable, DType dtype) {
        Map<String, Object> all = parse(BinaryFiles.readAll(file), file.toString(), dtype);
        Object v = all.get(variable);
        if (v == null) {
            throw new DataException(file + ": no variable named '" + variable + "'; it holds "
                    + (all.isEmpty() ? "none" : String.join(", ", all.keySet())));
        }
        if (v instanceof String kind) {
            throw new DataException(file + ": variable '" + variable + "' is a " + kind
                    + "; only numeric and logical matrices are read");
        }
        return (Tensor) v;
    }

    /** Parses a whole file: each variable maps to a tensor, or to a description of why it is not read. */
    static Map<String, Object> parse(byte[] data, String name, DType dtype) {
        if (startsWith(data, 0, "\u0089HDF") || startsWith(data, 512, "\u0089HDF") || startsWith(data, 0, "MATLAB 7.3")) {
            throw new DataException(name + ": this is a MATLAB v7.3 (HDF5) file, which jnn does not read; save it"
                    + " again with save('-v7') (or scipy.io.savemat) to get a Level 5 file");
        }
        BinaryFiles.need(data, 0, 128, name, "the 128-byte MAT-file header");
        ByteOrder order;
        if (data[126] == 'I' && data[127] == 'M') {
            order = ByteOrder.LITTLE_ENDIAN;
        } else if (data[126] == 'M' && data[127] == 'I') {
            order = ByteOrder.BIG_ENDIAN;
        } else {
            throw new DataException(name + ": not a MATLAB Level 5 MAT-file: no endian indicator at byte 126"
                    + (startsWith(data, 0, "MATLAB") ? "" : " (Level 4 files are not read; save with -v7)"));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        ByteBuffer b = ByteBuffer.wrap(data).order(order);
        int pos = 128;
        while (pos < data.length) {
            if (data.length - pos < 8) {
                throw new DataException(name + ": truncated element tag at byte " + pos);
            }
            int type = b.getInt(pos);
            long size = b.getInt(pos + 4) & 0xffffffffL;
            BinaryFiles.need(data, pos + 8L, size, name, "the element at byte " + pos);
            if (type == MI_COMPRESSED) {
                byte[] inner = inflate(data, pos + 8, (int) size, name + " (compressed element at byte " + pos + ")");
                ByteBuffer ib = ByteBuffer.wrap(inner).order(order);
                String innerName = name + " (compressed element at byte " + pos + ")";
                BinaryFiles.need(inner, 0, 8, innerName, "the element tag");
                long innerSize = ib.getInt(4) & 0xffffffffL;
                BinaryFiles.need(inner, 8, innerSize, innerName, "the element");
                if (ib.getInt(0) == MI_MATRIX) {
                    matrix(inner, ib, 8, (int) (8 + innerSize), innerName, dtype, out);
                }
            } else if (type == MI_MATRIX) {
                matrix(data, b, pos + 8, (int) (pos + 8 + size), name, dtype, out);
            }
            pos += 8 + (int) (type == MI_COMPRESSED ? size : pad8(size));
        }
        return out;
    }

    private static void matrix(byte[] data, ByteBuffer b, int start, int end, String name, DType dtype,
                               Map<String, Object> out) {
        if (start == end) {
            return; // an empty matrix element carries nothing
        }
        int[] flags = sub(data, b, start, end, name);
        if (flags[1] < 4) {
            throw new DataException(name + ": bad array flags element at byte " + start);
        }
        int flagWord = b.getInt(flags[2]);
        int cls = flagWord & 0xff;
        boolean complex = (flagWord & 0x0800) != 0;
        int[] dimsEl = sub(data, b, flags[3], end, name);
        if (dimsEl[0] != MI_INT32 || dimsEl[1] % 4 != 0 || dimsEl[1] < 8) {
            throw new DataException(name + ": bad dimensions element at byte " + flags[3]);
        }
        long[] dims = new long[dimsEl[1] / 4];
        for (int i = 0; i < dims.length; i++) {
            dims[i] = b.getInt(dimsEl[2] + 4 * i);
        }
        int[] nameEl = sub(data, b, dimsEl[3], end, name);
        String var = new String(data, nameEl[2], nameEl[1], StandardCharsets.US_ASCII);
        String kind = switch (cls) {
            case 1 -> "cell array";
            case 2, 3 -> "struct";
            case 4 -> "char array";
            case 5 -> "sparse matrix";
            default -> cls >= 6 && cls <= 15 ? null : "MATLAB class " + cls;
        };
        if (kind == null && complex) {
            kind = "complex matrix";
        }
        if (kind != null) {
            out.put(var, kind);
            return;
        }
        int[] real = sub(data, b, nameEl[3], end, name);
        ElementType type = switch (real[0]) {
            case MI_INT8 -> ElementType.INT8;
            case 2 -> ElementType.UINT8;
            case 3 -> ElementType.INT16;
            case 4 -> ElementType.UINT16;
            case MI_INT32 -> ElementType.INT32;
            case MI_UINT32 -> ElementType.UINT32;
            case 7 -> ElementType.FLOAT32;
            case 9 -> ElementType.FLOAT64;
            case 12 -> ElementType.INT64;
            case 13 -> ElementType.UINT64;
            default -> throw new DataException(name + ": variable '" + var + "' has data of unknown type " + real[0]
                    + " at byte " + nameEl[3]);
        };
        long count = BinaryFiles.count(dims, type.size, name, dimsEl[2]);
        if (count * type.size != real[1]) {
            throw new DataException(name + ": variable '" + var + "' declares dimensions " + Arrays.toString(dims)
                    + " but holds " + real[1] + " bytes of data at byte " + real[2]);
        }
        int[] shape = Arrays.stream(dims).mapToInt(d -> (int) d).toArray();
        out.put(var, type.decode(data, real[2], b.order(), dtype, shape, true));
    }

    /** Reads the sub-element at {@code pos}: {type, byte count, data start, next element}; checks the bounds. */
    private static int[] sub(byte[] data, ByteBuffer b, int pos, int end, String name) {
        if (end - pos < 8) {
            throw new DataException(name + ": truncated matrix element at byte " + pos);
        }
        int word = b.getInt(pos);
        if ((word >>> 16) != 0) { // small data element: size and type share the first word, data in the second
            int n = word >>> 16;
            if (n > 4) {
                throw new DataException(name + ": bad small data element at byte " + pos);
            }
            return new int[]{word & 0xffff, n, pos + 4, pos + 8};
        }
        long n = b.getInt(pos + 4) & 0xffffffffL;
        if (pos + 8 + n > end) {
            throw new DataException(name + ": element at byte " + pos + " declares " + n
                    + " bytes, more than its matrix holds");
        }
        return new int[]{word, (int) n, pos + 8, (int) Math.min(end, pos + 8 + pad8(n))};
    }

    /** A compressed element's bytes, inflated within the memory budget (see {@link BinaryFiles#drain}). */
    private static byte[] inflate(byte[] data, int start, int length, String name) {
        try (InputStream in = new InflaterInputStream(new ByteArrayInputStream(data, start, length))) {
            return BinaryFiles.drain(in, name, BinaryFiles.MAX_BYTES);
        } catch (java.io.EOFException e) {
            throw new DataException(name + ": truncated compressed data");
        } catch (java.util.zip.ZipException e) {
            throw new DataException(name + ": corrupt compressed data (" + e.getMessage() + ")");
        } catch (java.io.IOException e) {
            throw new DataException(name + ": " + e.getMessage(), e);
        }
    }

    private static long pad8(long n) {
        return (n + 7) & ~7L;
    }

    private static boolean startsWith(byte[] data, int at, String text) {
        if (data.length < at + text.length()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if ((data[at + i] & 0xff) != text.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
