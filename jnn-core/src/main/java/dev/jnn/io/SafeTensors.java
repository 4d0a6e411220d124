package dev.jnn.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jnn.tensor.DType;
import dev.jnn.tensor.Tensor;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The safetensors layout: an 8-byte little-endian header length N, N bytes of UTF-8 JSON (padded with spaces to a
 * multiple of 8) naming each tensor's {@code dtype}, {@code shape} and {@code data_offsets} in the data section,
 * an optional {@code __metadata__} map of strings, then the raw little-endian data. Reading checks the whole header
 * against the file before it allocates any tensor, and never runs code.
 */
public final class SafeTensors {
    /** The largest header accepted, as the safetensors library has it. */
    public static final long MAX_HEADER = 100_000_000L;
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private SafeTensors() {
    }

    /** The tensors (in file order) and the metadata of a file. */
    public record Contents(Map<String, Tensor> tensors, Map<String, String> metadata) {
    }

    /** The bytes of a file holding {@code tensors} in this order (F32 or F64) and {@code metadata}. */
    public static byte[] write(Map<String, Tensor> tensors, Map<String, String> metadata) {
        ObjectNode header = JSON.createObjectNode();
        if (!metadata.isEmpty()) {
            ObjectNode meta = header.putObject("__metadata__");
            metadata.forEach(meta::put);
        }
        long at = 0;
        for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
            Tensor t = e.getValue();
            ObjectNode entry = header.putObject(e.getKey());
            entry.put("dtype", t.dtype() == DType.FLOAT64 ? "F64" : "F32");
            var shape = entry.putArray("shape");
            for (int d : t.shape()) {
                shape.add(d);
            }
            long end = at + (long) t.size() * t.dtype().bytes();
            entry.putArray("data_offsets").add(at).add(end);
            at = end;
        }
        byte[] json;
        try {
            json = JSON.writeValueAsBytes(header);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        int n = (json.length + 7) / 8 * 8;
        ByteBuffer out = ByteBuffer.allocate(Math.toIntExact(8 + n + at)).order(ByteOrder.LITTLE_ENDIAN);
        out.putLong(n).put(json);
        for (int i = json.length; i < n; i++) {
            out.put((byte) ' ');
        }
        for (Tensor t : tensors.values()) {
            Tensor c = t.copy();
            if (c.dtype() == DType.FLOAT64) {
                out.asDoubleBuffer().put(c.doubleData(), 0, c.size());
            } else {
                out.asFloatBuffer().put(c.floatData(), 0, c.size());
            }
            out.position(out.position() + c.size() * c.dtype().bytes());
        }
        return out.array();
    }

    /** Reads and checks a file; every fault is a {@link ModelFileException} naming {@code file}. */
    public static Contents read(Path file) throws IOException {
        long size = Files.size(file);
        if (size > Integer.MAX_VALUE - 16) {
            throw bad(file, "is " + size + " bytes; model files of more than 2 GB are not supported");
        }
        return parse(Files.readAllBytes(file), file.toString());
    }

    /** {@link #read} of bytes already in memory; {@code source} names them in messages. */
    public static Contents parse(byte[] bytes, String source) {
        if (bytes.length < 8) {
            throw bad(source, "is " + bytes.length + " bytes, shorter than the 8-byte header length");
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long n = buf.getLong(0);
        if (n < 2 || n > MAX_HEADER) {
            throw bad(source, "header length " + n + " is outside [2, " + MAX_HEADER + "]");
        }
        if (8 + n > bytes.length) {
            throw bad(source, "header length " + n + " runs past the end of the file (" + bytes.length + " bytes)");
        }
        JsonNode header;
        try {
            header = JSON.readTree(new String(bytes, 8, (int) n, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw bad(source, "header is not a JSON object: " + e.getOriginalMessage());
        }
        if (header == null || !header.isObject()) {
            throw bad(source, "header is not a JSON object");
        }
        long dataStart = 8 + n;
        long dataLength = bytes.length - dataStart;
        Map<String, String> metadata = new LinkedHashMap<>();
        List<Object[]> entries = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = header.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equals("__metadata__")) {
                metadata(source, e.getValue(), metadata);
            } else {
                entries.add(entry(source, e.getKey(), e.getValue(), dataLength));
            }
        }
        entries.sort((a, b) -> Long.compare((long) a[3], (long) b[3]));
        long at = 0;
        for (Object[] e : entries) {
            if ((long) e[3] != at) {
                throw bad(source, "tensor '" + e[0] + "' starts at data offset " + e[3] + " but the previous one ends at "
                        + at + " (offsets must be contiguous and must not overlap)");
            }
            at = (long) e[4];
        }
        if (at != dataLength) {
            throw bad(source, "the tensors cover " + at + " bytes of data but the file holds " + dataLength);
        }
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        for (Object[] e : entries) {
            DType dtype = (DType) e[1];
            int[] shape = (int[]) e[2];
            ByteBuffer data = ByteBuffer.wrap(bytes, (int) (dataStart + (long) e[3]), (int) ((long) e[4] - (long) e[3]))
                    .slice().order(ByteOrder.LITTLE_ENDIAN);
            int count = (int) (((long) e[4] - (long) e[3]) / dtype.bytes());
            Tensor t;
            if (dtype == DType.FLOAT64) {
                double[] v = new double[count];
                data.asDoubleBuffer().get(v);
                t = Tensor.wrap(v, shape.length == 0 ? new int[] {1} : shape);
            } else {
                float[] v = new float[count];
                data.asFloatBuffer().get(v);
                t = Tensor.wrap(v, shape.length == 0 ? new int[] {1} : shape);
            }
            tensors.put((String) e[0], t);
        }
        return new Contents(tensors, metadata);
    }

    /** name, dtype, shape, begin, end — checked against the data section's length. */
    private static Object[] entry(String source, String name, JsonNode node, long dataLength) {
        String where = "tensor '" + name + "'";
        if (!node.isObject() || !node.path("dtype").isTextual() || !node.path("shape").isArray()
                || !node.path("data_offsets").isArray() || node.get("data_offsets").size() != 2) {
            throw bad(source, where + " needs a dtype, a shape and two data_offsets");
        }
        DType dtype = switch (node.get("dtype").asText()) {
            case "F32" -> DType.FLOAT32;
            case "F64" -> DType.FLOAT64;
            default -> throw bad(source, where + " has dtype " + node.get("dtype").asText()
                    + "; jnn reads F32 and F64");
        };
        JsonNode shapeNode = node.get("shape");
        int[] shape = new int[shapeNode.size()];
        long elements = 1;
        for (int i = 0; i < shape.length; i++) {
            JsonNode d = shapeNode.get(i);
            if (!d.canConvertToInt() || d.asInt() < 0 || !d.isIntegralNumber()) {
                throw bad(source, where + " has a bad dimension " + d);
            }
            shape[i] = d.asInt();
            elements = Math.multiplyHigh(elements, shape[i]) != 0 ? Long.MAX_VALUE : elements * shape[i];
        }
        JsonNode off = node.get("data_offsets");
        if (!off.get(0).isIntegralNumber() || !off.get(1).isIntegralNumber()) {
            throw bad(source, where + " has non-integer data_offsets");
        }
        long begin = off.get(0).asLong();
        long end = off.get(1).asLong();
        if (begin < 0 || end < begin || end > dataLength) {
            throw bad(source, where + " has data_offsets [" + begin + ", " + end + "] outside the data section of "
                    + dataLength + " bytes");
        }
        if (elements > Integer.MAX_VALUE || elements * dtype.bytes() != end - begin) {
            throw bad(source, where + ": shape " + java.util.Arrays.toString(shape) + " of " + node.get("dtype").asText()
                    + " needs " + (elements > Integer.MAX_VALUE ? "too many" : elements * dtype.bytes())
                    + " bytes but its data_offsets hold " + (end - begin));
        }
        return new Object[] {name, dtype, shape, begin, end};
    }

    private static void metadata(String source, JsonNode node, Map<String, String> into) {
        if (!node.isObject()) {
            throw bad(source, "__metadata__ is not an object of strings");
        }
        node.fields().forEachRemaining(e -> {
            if (!e.getValue().isTextual()) {
                throw bad(source, "__metadata__ '" + e.getKey() + "' is not a string");
            }
            into.put(e.getKey(), e.getValue().asText());
        });
    }

    static ModelFileException bad(Object source, String fault) {
        return new ModelFileException(source + ": " + fault);
    }
}
