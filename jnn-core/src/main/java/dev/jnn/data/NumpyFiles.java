package dev.jnn.data;

import dev.jnn.util.AtomicFiles;
import dev.jnn.tensor.DType;
import dev.jnn.tensor.Tensor;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * NumPy's {@code .npy} format (versions 1.0, 2.0 and 3.0) and {@code .npz} archives of them. Element types
 * f4, f8, i1–i8, u1–u8 and b1 in either byte order, C or Fortran order. Arrays become tensors of the requested
 * dtype with the file's shape (a 0-d array becomes shape [1]).
 */
public final class NumpyFiles {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    /** The longest header accepted; numpy writes a few hundred bytes, and refuses more than 10000 by default. */
    private static final int MAX_HEADER = 1 << 20;
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([<>|=])([a-z?])(\\d*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private NumpyFiles() {
    }

    /** The array in a {@code .npy} file. */
    public static Tensor readNpy(Path file, DType dtype) {
        return parseNpy(BinaryFiles.readAll(file, headerCheck(file.toString(), dtype)), file.toString(), dtype);
    }

    /** Every array in a {@code .npz} archive, by name (without {@code .npy}), in archive order. */
    public static Map<String, Tensor> readNpz(Path file, DType dtype) {
        return parseNpz(BinaryFiles.readAll(file), file.toString(), dtype);
    }

    /** Parses the bytes of an {@code .npz} archive; {@code file} names it in messages. */
    static Map<String, Tensor> parseNpz(byte[] zip, String file, DType dtype) {
        if (zip.length < 4 || zip[0] != 'P' || zip[1] != 'K') {
            throw new DataException(file + ": not an .npz (zip) archive: bad magic number at byte 0");
        }
        Map<String, Tensor> out = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                String entry = e.getName();
                String name = entry.endsWith(".npy") ? entry.substring(0, entry.length() - 4) : entry;
                byte[] bytes = BinaryFiles.drain(in, file + "!" + entry, BinaryFiles.MAX_BYTES,
                        headerCheck(file + "!" + entry, dtype));
                out.put(name, parseNpy(bytes, file + "!" + entry, dtype));
            }
        } catch (ZipException | java.io.EOFException e) {
            throw new DataException(file + ": corrupt or truncated zip archive (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new DataException(file + ": " + e.getMessage(), e);
        }
        if (out.isEmpty()) {
            throw new DataException(file + ": the archive holds no arrays");
        }
        return out;
    }

    /** One array of a {@code .npz} archive; the error lists the names it holds. */
    public static Tensor readNpz(Path file, String name, DType dtype) {
        Map<String, Tensor> all = readNpz(file, dtype);
        Tensor t = all.get(name);
        if (t == null) {
            throw new DataException(file + ": no array named '" + name + "'; it holds " + String.join(", ", all.keySet()));
        }
        return t;
    }

    /** Writes a tensor as a version 1.0 {@code .npy} file ({@code <f4} or {@code <f8}, C order), atomically. */
    public static void writeNpy(Path file, Tensor t) throws IOException {
        AtomicFiles.write(file, npyBytes(t));
    }

    /**
     * Writes tensors as an uncompressed {@code .npz} archive ({@code numpy.savez}), one {@code NAME.npy} entry per
     * array in the map's order, atomically.
     */
    public static void writeNpz(Path file, Map<String, Tensor> arrays) throws IOException {
        if (arrays.isEmpty()) {
            throw new IllegalArgumentException("an .npz archive needs at least one array");
        }
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
            for (Map.Entry<String, Tensor> a : arrays.entrySet()) {
                byte[] npy = npyBytes(a.getValue());
                ZipEntry e = new ZipEntry(a.getKey() + ".npy");
                e.setMethod(ZipEntry.STORED);                 // as numpy.savez: stored, with size and CRC up front
                e.setSize(npy.length);
                java.util.zip.CRC32 crc = new java.util.zip.CRC32();
                crc.update(npy);
                e.setCrc(crc.getValue());
                zip.putNextEntry(e);
                zip.write(npy);
                zip.closeEntry();
            }
        }
        AtomicFiles.write(file, bytes.toByteArray());
    }

    static byte[] npyBytes(Tensor t) {
        boolean f32 = t.dtype() == DType.FLOAT32;
        int[] shape = t.shape();
        String dims = shape.length == 1 ? shape[0] + "," : String.join(", ",
                Arrays.stream(shape).mapToObj(Integer::toString).toArray(String[]::new));
        StringBuilder header = new StringBuilder("{'descr': '" + (f32 ? "<f4" : "<f8")
                + "', 'fortran_order': False, 'shape': (" + dims + "), }");
        // numpy pads with spaces so that the data starts on a multiple of 64 bytes, and ends the header with \n.
        while ((MAGIC.length + 4 + header.length() + 1) % 64 != 0) {
            header.append(' ');
        }
        header.append('\n');
        int n = t.size();
        ByteBuffer b = ByteBuffer.allocate(MAGIC.length + 4 + header.length() + n * (f32 ? 4 : 8))
                .order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) header.length());
        b.put(header.toString().getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < n; i++) {
            if (f32) {
                b.putFloat(t.floatData()[t.offset() + i]);
            } else {
                b.putDouble(t.doubleData()[t.offset() + i]);
            }
        }
        return b.array();
    }

    /** Parses the bytes of a {@code .npy} file; {@code name} is used in messages. */
    static Tensor parseNpy(byte[] data, String name, DType dtype) {
        BinaryFiles.need(data, 0, 10, name, "the .npy preamble");
        Header h = header(data, data.length, name, dtype);
        if (h == null) {
            throw new DataException(name + ": truncated at byte " + data.length + ": the .npy header is longer than"
                    + " the file");
        }
        long expected = h.start + h.count * h.type.size;
        if (expected != data.length) {
            throw new DataException(name + ": " + (expected > data.length ? "truncated" : "size mismatch")
                    + ": the header declares shape " + Arrays.toString(h.dims) + " of " + h.descr + ", "
                    + (expected - h.start) + " data bytes from byte " + h.start + ", but the file has "
                    + (data.length - h.start));
        }
        int[] shape = h.dims.length == 0 ? new int[]{1} : Arrays.stream(h.dims).mapToInt(d -> (int) d).toArray();
        return h.type.decode(data, h.start, h.order, dtype, shape, h.fortran);
    }

    /** Checks a {@code .npy} stream's header as its first bytes arrive (inside an archive, or gzip-compressed). */
    static BinaryFiles.HeaderCheck headerCheck(String name, DType dtype) {
        return (head, length) -> header(head, length, name, dtype) != null;
    }

    private record Header(ElementType type, ByteOrder order, long[] dims, boolean fortran, int start, long count,
                          String descr) {
    }

    /**
     * The header in {@code data[0, length)}, or null while those bytes end inside it. A bad magic number, version
     * or header fails at once, and so does a shape whose decoded array would not fit the memory budget.
     */
    private static Header header(byte[] data, int length, String name, DType dtype) {
        if (length < MAGIC.length) {
            return null;
        }
        if (!Arrays.equals(Arrays.copyOf(data, MAGIC.length), MAGIC)) {
            throw new DataException(name + ": not a .npy file: bad magic number at byte 0");
        }
        if (length < 10) {
            return null;
        }
        int major = data[6] & 0xff;
        int headerLen;
        int headerStart;
        if (major == 1) {
            headerLen = (data[8] & 0xff) | (data[9] & 0xff) << 8;
            headerStart = 10;
        } else if (major == 2 || major == 3) {
            if (length < 12) {
                return null;
            }
            long len = ByteBuffer.wrap(data, 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xffffffffL;
            if (len > MAX_HEADER) {
                throw new DataException(name + ": header length " + len + " at byte 8 is larger than any .npy header"
                        + " (at most " + MAX_HEADER + " bytes)");
            }
            headerLen = (int) len;
            headerStart = 12;
        } else {
            throw new DataException(name + ": unsupported .npy format version " + major + "." + (data[7] & 0xff)
                    + " at byte 6");
        }
        if (length < headerStart + headerLen) {
            return null;
        }
        String header = new String(data, headerStart, headerLen,
                major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        Matcher descr = DESCR.matcher(header);
        Matcher fortran = FORTRAN.matcher(header);
        Matcher shapeM = SHAPE.matcher(header);
        if (!descr.find() || !fortran.find() || !shapeM.find()) {
            throw new DataException(name + ": malformed .npy header at byte " + headerStart + ": " + header.strip());
        }
        ElementType type = type(descr.group(2), descr.group(3), name, headerStart);
        ByteOrder order = descr.group(1).equals(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        long[] dims = parseShape(shapeM.group(1), name, headerStart);
        long count = BinaryFiles.count(dims, type.size, dtype.bytes(), name, headerStart);
        return new Header(type, order, dims, fortran.group(1).equals("True"), headerStart + headerLen, count,
                descr.group(2) + descr.group(3));
    }

    private static ElementType type(String kind, String bytes, String name, int at) {
        String code = kind + bytes;
        return switch (code) {
            case "f4" -> ElementType.FLOAT32;
            case "f8" -> ElementType.FLOAT64;
            case "i1" -> ElementType.INT8;
            case "i2" -> ElementType.INT16;
            case "i4" -> ElementType.INT32;
            case "i8" -> ElementType.INT64;
            case "u1" -> ElementType.UINT8;
            case "u2" -> ElementType.UINT16;
            case "u4" -> ElementType.UINT32;
            case "u8" -> ElementType.UINT64;
            case "b1", "?" -> ElementType.BOOL;
            default -> throw new DataException(name + ": unsupported element type '" + code + "' in the header at byte "
                    + at + " (supported: f4, f8, i1-i8, u1-u8, b1)");
        };
    }

    private static long[] parseShape(String text, String name, int at) {
        String[] parts = text.split(",");
        long[] out = new long[parts.length];
        int n = 0;
        for (String p : parts) {
            String s = p.strip();
            if (s.isEmpty()) {
                continue;
            }
            try {
                out[n++] = Long.parseLong(s.endsWith("L") ? s.substring(0, s.length() - 1) : s);
            } catch (NumberFormatException e) {
                throw new DataException(name + ": bad shape '(" + text + ")' in the header at byte " + at);
            }
        }
        return Arrays.copyOf(out, n);
    }
}
