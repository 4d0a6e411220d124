package dev.jnn.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Reports, confusion matrices and accuracies against scikit-learn 1.2.1 ({@code metrics_fixtures.py}). */
class ClassificationReportTest {

    @Test
    void specExampleCharacterForCharacter() {
        String[] t = "cat dog pig cat dog pig cat cat".split(" ");
        String[] p = "cat pig dog cat cat dog cat dog".split(" ");
        assertEquals("              precision    recall  f1-score   support\n\n"
                + "         cat       0.75      0.75      0.75         4\n"
                + "         dog       0.00      0.00      0.00         2\n"
                + "         pig       0.00      0.00      0.00         2\n\n"
                + "    accuracy                           0.38         8\n"
                + "   macro avg       0.25      0.25      0.25         8\n"
                + "weighted avg       0.38      0.38      0.38         8\n", ClassificationReport.of(t, p).text());
        assertEquals("[[3 1 0]\n [1 0 1]\n [0 2 0]]", ConfusionMatrix.of(t, p).toNumpyString());
    }

    @TestFactory
    Stream<DynamicTest> scikitLearnReports() throws IOException {
        JsonNode root;
        try (InputStream in = getClass().getResourceAsStream("/fixtures/metrics.json")) {
            root = new ObjectMapper().readTree(in);
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : root.get("cases")) {
            tests.add(DynamicTest.dynamicTest(c.get("name").asText(), () -> check(c)));
        }
        for (JsonNode c : root.get("target_names_cases")) {
            tests.add(DynamicTest.dynamicTest(c.get("name").asText(), () -> assertEquals(c.get("text").asText(),
                    ClassificationReport.of(ints(c.get("y_true")), ints(c.get("y_pred")))
                            .withTargetNames(strings(c.get("target_names"))).text())));
        }
        return tests.stream();
    }

    private static void check(JsonNode c) {
        int digits = c.get("digits").asInt();
        JsonNode zd = c.get("zero_division");
        ZeroDivision z = zd.isTextual() ? ZeroDivision.WARN : zd.asInt() == 1 ? ZeroDivision.ONE : ZeroDivision.ZERO;
        ClassificationReport report;
        ConfusionMatrix cm;
        if (c.get("y_true").get(0).isTextual()) {
            String[] t = strings(c.get("y_true"));
            String[] p = strings(c.get("y_pred"));
            report = ClassificationReport.of(t, p, digits, z);
            cm = ConfusionMatrix.of(t, p);
        } else {
            int[] t = ints(c.get("y_true"));
            int[] p = ints(c.get("y_pred"));
            report = ClassificationReport.of(t, p, digits, z);
            cm = ConfusionMatrix.of(t, p);
        }
        assertEquals(c.get("text").asText(), report.text());
        assertEquals(c.get("confusion_text").asText(), cm.toNumpyString());
        for (int i = 0; i < cm.counts().length; i++) {
            long[] row = new long[cm.counts().length];
            for (int j = 0; j < row.length; j++) {
                row[j] = c.get("confusion").get(i).get(j).asLong();
            }
            assertArrayEquals(row, cm.counts()[i]);
        }
        assertEquals(c.get("accuracy").asDouble(), report.accuracy(), 0.0);
        Map<String, Object> map = report.toMap();
        assertEquals(List.copyOf(iterable(c.get("dict").fieldNames())), List.copyOf(map.keySet()));
        c.get("dict").fields().forEachRemaining(e -> {
            if (e.getValue().isNumber()) {
                assertEquals(e.getValue().asDouble(), (double) map.get(e.getKey()), 0.0);
            } else {
                @SuppressWarnings("unchecked")
                Map<String, Object> row = (Map<String, Object>) map.get(e.getKey());
                for (String k : new String[] {"precision", "recall", "f1-score"}) {
                    assertEquals(e.getValue().get(k).asDouble(), (double) row.get(k), 1e-15, e.getKey() + " " + k);
                }
                assertEquals(e.getValue().get("support").asLong(), (long) row.get("support"));
            }
        });
    }

    private static List<String> iterable(java.util.Iterator<String> it) {
        List<String> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }

    private static int[] ints(JsonNode n) {
        int[] out = new int[n.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = n.get(i).asInt();
        }
        return out;
    }

    private static String[] strings(JsonNode n) {
        String[] out = new String[n.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = n.get(i).asText();
        }
        return out;
    }
}
