package dev.jnn.selection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jnn.tensor.Rng;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * RandomizedSearchCV draws scikit-learn 1.2.1's candidates for the same seed ({@code src/test/python/
 * sampler_fixtures.py}): grids sampled by permutation, by tracking selection and by reservoir, and the uniform,
 * loguniform, randint, norm and expon distributions beside lists.
 */
class SamplerFixturesTest {
    @Test
    void theSameSeedDrawsScikitLearnsCandidates() throws Exception {
        JsonNode root;
        try (InputStream in = getClass().getResourceAsStream("/fixtures/sampler.json")) {
            root = new ObjectMapper().readTree(in);
        }
        int cases = 0;
        for (JsonNode c : root.get("cases")) {
            Map<String, Object> space = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = c.get("space").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                space.put(e.getKey(), e.getValue().isArray() ? values(e.getValue()) : distribution(e.getValue()));
            }
            List<Map<String, Object>> got = RandomizedSearchCV.sample(space, c.get("n_iter").asInt(),
                    new Rng(c.get("seed").asLong()));
            JsonNode want = c.get("candidates");
            assertEquals(want.size(), got.size(), c.get("name").asText());
            for (int i = 0; i < want.size(); i++) {
                for (Iterator<Map.Entry<String, JsonNode>> it = want.get(i).fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    Object g = got.get(i).get(e.getKey());
                    Object w = e.getValue().isTextual() ? e.getValue().asText() : e.getValue().isIntegralNumber()
                            ? (Object) e.getValue().asLong() : (Object) e.getValue().asDouble();
                    Object gn = g instanceof Integer n ? (Object) n.longValue() : g;
                    assertEquals(w, gn, c.get("name").asText() + " candidate " + i + " " + e.getKey());
                }
            }
            cases++;
        }
        assertEquals(6, cases);
    }

    private static List<Object> values(JsonNode a) {
        List<Object> out = new ArrayList<>();
        a.forEach(v -> out.add(v.isTextual() ? v.asText() : v.isIntegralNumber() ? (Object) v.asLong()
                : (Object) v.asDouble()));
        return out;
    }

    private static RandomizedSearchCV.Distribution distribution(JsonNode d) {
        return switch (d.get("dist").asText()) {
            case "uniform" -> RandomizedSearchCV.Distribution.uniformLocScale(d.get("loc").asDouble(),
                    d.get("scale").asDouble());
            case "loguniform" -> RandomizedSearchCV.Distribution.loguniform(d.get("lo").asDouble(),
                    d.get("hi").asDouble());
            case "randint" -> RandomizedSearchCV.Distribution.randint(d.get("lo").asInt(), d.get("hi").asInt());
            case "norm" -> RandomizedSearchCV.Distribution.norm(d.get("loc").asDouble(), d.get("scale").asDouble());
            default -> RandomizedSearchCV.Distribution.expon(d.get("loc").asDouble(), d.get("scale").asDouble());
        };
    }
}
