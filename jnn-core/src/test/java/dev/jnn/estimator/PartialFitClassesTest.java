package dev.jnn.estimator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jnn.nn.Parameter;
import dev.jnn.optim.Adam;
import dev.jnn.tensor.DType;
import dev.jnn.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Two of scikit-learn's own MLP tests that jnn failed: partial_fit with classes that do not cover y raises
 * scikit-learn's message ({@code src/test/python/partial_fit_fixtures.py}), and Adam accepts β₂ = 1 and then takes
 * zero steps (by hand: the step size lr·√(1 − β₂ᵗ)/(1 − β₁ᵗ) is 0).
 */
class PartialFitClassesTest {
    @Test
    void classesThatDoNotCoverYAreRefusedAsScikitLearnRefusesThem() throws Exception {
        JsonNode root;
        try (InputStream in = getClass().getResourceAsStream("/fixtures/partial_fit.json")) {
            root = new ObjectMapper().readTree(in);
        }
        for (JsonNode c : root.get("cases")) {
            Tensor x = Tensor.of(new ObjectMapper().convertValue(c.get("x"), double[][].class));
            int[] y = new ObjectMapper().convertValue(c.get("y"), int[].class);
            int[] classes = new ObjectMapper().convertValue(c.get("classes"), int[].class);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> {
                        if (c.get("estimator").asText().equals("Perceptron")) {
                            new Perceptron().partialFit(x, y, classes);
                        } else {
                            new MLPClassifier().partialFit(x, y, classes);
                        }
                    });
            assertEquals(c.get("message").asText(), e.getMessage());
        }
    }

    @Test
    void adamWithBeta2OfOneTakesZeroSteps() {
        Parameter p = Parameter.of("w", Tensor.wrap(new double[] {0.5, -1.5}, 2));
        p.grad().doubleData()[0] = 0.3;
        p.grad().doubleData()[1] = -2.0;
        Adam adam = new Adam(0.1, 0.9, 1.0, 1e-8);
        adam.step(List.of(p));
        assertArrayEquals(new double[] {0.5, -1.5}, p.value().toDoubleArray(), 0.0);
        assertThrows(IllegalArgumentException.class, () -> new MLPClassifier().setParams(java.util.Map.of("beta_2", 1.0)));
    }
}
