package dev.jnn.model;

import dev.jnn.nn.ActivationLayer;
import dev.jnn.nn.Conv2D;
import dev.jnn.nn.Dense;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Keras's {@code model.to_json()} (a Keras 2 LeNet-5 and a Keras 3 MLP, in the layout Keras writes) read as jnn
 * networks: the same layers, shapes and parameter counts as Keras's {@code model.summary()} gives, the L2 penalty
 * and initialisers carried over, and a clear error for a layer or setting jnn lacks.
 */
class KerasJsonTest {
    private static String resource(String name) throws IOException {
        try (InputStream in = KerasJsonTest.class.getResourceAsStream("/keras/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static long params(Sequential s) {
        return s.parameters().stream().mapToLong(p -> p.value().size()).sum();
    }

    @Test
    void aKeras2LeNetAndAKeras3MlpReadAsJnnNetworks() throws IOException {
        Sequential lenet = ModelJson.read(resource("lenet5_keras2.json"), "lenet5_keras2.json").seed(0).build(784);
        assertEquals(61_706, params(lenet));                       // Keras's summary() of the same model
        assertArrayEquals(new int[] {10}, lenet.outputShape());
        Conv2D c3 = (Conv2D) lenet.layers().stream().filter(l -> l instanceof Conv2D).skip(1).findFirst().get();
        assertEquals("Regularizer[l1=0.0, l2=5.0E-4]", c3.config().get("kernel_regularizer").toString());
        Dense d84 = (Dense) lenet.layers().stream().filter(l -> l instanceof Dense).skip(1).findFirst().get();
        assertEquals("Init[kind=he_normal, a=0.0, b=0.0]", d84.config().get("kernel_initializer").toString());

        Sequential mlp = ModelJson.read(resource("mlp_keras3.json"), "mlp_keras3.json").seed(0).build(784);
        assertEquals(784 * 1200 + 1200 + 1200 * 1200 + 1200 + 1200 * 10 + 10, params(mlp));
        ActivationLayer leaky = (ActivationLayer) mlp.layers().stream().filter(l -> l instanceof ActivationLayer)
                .findFirst().get();
        assertEquals(0.2, ((Number) leaky.config().get("alpha")).doubleValue());
    }

    @Test
    void whatJnnLacksIsNamed() throws IOException {
        String lstm = resource("mlp_keras3.json").replaceFirst("\"class_name\": \"Dropout\"", "\"class_name\": \"LSTM\"");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelJson.read(lstm, "m.json"));
        assertTrue(e.getMessage().startsWith("m.json: Keras layer 2 (LSTM): jnn has no such layer; it reads InputLayer,"),
                e.getMessage());
        String noBias = resource("mlp_keras3.json").replaceFirst("\"use_bias\": true", "\"use_bias\": false");
        e = assertThrows(IllegalArgumentException.class, () -> ModelJson.read(noBias, "m.json"));
        assertEquals("m.json: Keras layer 1 (Dense): use_bias = false is not implemented; jnn has true", e.getMessage());
    }

    private static void assertArrayEquals(int[] want, int[] got) {
        org.junit.jupiter.api.Assertions.assertArrayEquals(want, got);
    }
}
