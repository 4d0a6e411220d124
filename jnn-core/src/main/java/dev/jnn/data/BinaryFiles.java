package dev.jnn.data;

import dev.jnn.util.MemoryBudget;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Whole-file reads for the binary formats, so that every header can be checked against the real length before a
 * single array is allocated from it. Compressed input grows its buffer only as real bytes arrive, so a header that
 * lies about its size cannot make the reader over-allocate.
 */
final class BinaryFiles {
    /** The largest array a reader will fill. */
    static final long MAX_BYTES = Integer.MAX_VALUE - 16;

    private BinaryFiles() {
    }

    /** The file's bytes, decompressed when it starts with the gzip magic number. */
    static byte[] readAll(Path file) {
        return readAll(file, (head, length) -> true);
    }

    /**
     * The file's bytes, decompressed when it starts with the gzip magic number, in which case {@code header} sees
     * the decompressed bytes as they arrive.
     */
    static byte[] readAll(Path file, HeaderCheck header) {
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new DataException(file + ": " + size + " bytes is more than one array can hold");
            }
            byte[] raw = Files.readAllBytes(file);
            if (raw.length >= 2 && (raw[0] & 0xff) == 0x1f && (raw[1] & 0xff) == 0x8b) {
                try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(raw), 1 << 16)) {
                    return drain(in, file.toString(), MAX_BYTES, header);
                }
            }
            return raw;
        } catch (NoSuchFileException e) {
            throw new DataException(file + ": no such file");
        } catch (AccessDeniedException e) {
            throw new DataException(file + ": permission denied");
        } catch (ZipException | java.io.EOFException e) {
            throw new DataException(file + ": corrupt or truncated gzip data (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new DataException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Looks at the first bytes of a decompressing stream as they arrive, so that a bad magic number or a header
     * declaring more than the heap can hold fails at once rather than after the whole stream is inflated.
     */
    @FunctionalInterface
    interface HeaderCheck {
        /** Checks {@code head[0, length)}; returns true once it has seen enough, and throws on a bad header. */
        boolean seen(byte[] head, int length);
    }

    /** Reads a stream to its end, failing once it passes {@code cap} bytes or the memory budget. */
    static byte[] drain(InputStream in, String name, long cap) throws IOException {
        return drain(in, name, cap, (head, length) -> true);
    }

    /**
     * Reads a stream to its end, showing its first bytes to {@code header} as they arrive, and failing once it
     * passes {@code cap} bytes or a third of the memory budget (the growing buffer, its copy and the decoded array).
     */
    static byte[] drain(InputStream in, String name, long cap, HeaderCheck header) throws IOException {
        byte[] buf = new byte[1 << 16];
        int total = 0;
        boolean checked = false;
        int n;
        while ((n = in.read(buf, total, buf.length - total)) > 0) {
            total += n;
            if (!checked) {
                checked = header.seen(buf, total);
            }
            if (total == buf.length) {
                long grown = Math.min(Math.min(cap, MAX_BYTES) + 1, 2L * buf.length);
                if (total > cap) {
                    throw new DataException(name + ": more than " + cap + " bytes after decompression");
                }
                String shortfall = MemoryBudget.shortfall(name + ": decompressing past " + total + " bytes",
                        3 * grown, 1);
                if (shortfall != null) {
                    throw new DataException(shortfall);
                }
                buf = Arrays.copyOf(buf, (int) grown);
            }
        }
        if (total > cap) {
            throw new DataException(name + ": more than " + cap + " bytes after decompression");
        }
        if (!checked) {
            header.seen(buf, total);
        }
        return Arrays.copyOf(buf, total);
    }

    /** Fails unless {@code n} bytes are available at {@code pos}. */
    static void need(byte[] data, long pos, long n, String name, String what) {
        if (n < 0 || pos < 0 || pos + n > data.length) {
            throw new DataException(name + ": truncated at byte " + Math.min(pos, data.length) + ": " + what + " needs "
                    + n + " bytes, " + Math.max(0, data.length - pos) + " remain");
        }
    }

    /**
     * The product of dimensions, or an error when it overflows the given limit or when the decoded array, of
     * {@code decodedSize} bytes an element, would not fit the memory budget.
     */
    static long count(long[] shape, long elementSize, long decodedSize, String name, long offset) {
        long count = count(shape, elementSize, name, offset);
        String shortfall = MemoryBudget.shortfall(name + ": the header's shape " + Arrays.toString(shape)
                + " (at byte " + offset + ")", count, decodedSize);
        if (shortfall != null) {
            throw new DataException(shortfall);
        }
        return count;
    }

    /** The product of dimensions, or an error when it overflows the given limit. */
    static long count(long[] shape, long elementSize, String name, long offset) {
        long count = 1;
        long nonZero = 1;   // a zero dimension empties the array, but the others still become a tensor's shape
        for (long d : shape) {
            if (d < 0) {
                throw new DataException(name + ": negative dimension " + d + " in the header at byte " + offset);
            }
            if (d != 0 && nonZero > MAX_BYTES / d / Math.max(1, elementSize)) {
                throw new DataException(name + ": the header's shape " + Arrays.toString(shape)
                        + " is larger than one array can hold (header at byte " + offset + ")");
            }
            count *= d;
            nonZero *= Math.max(1, d);
        }
        return count;
    }
}
