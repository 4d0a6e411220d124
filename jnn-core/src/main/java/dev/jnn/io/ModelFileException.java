package dev.jnn.io;

import dev.jnn.data.DataException;

/** A model file that cannot be read as one: the message names the file and the fault. */
public final class ModelFileException extends DataException {
    public ModelFileException(String message) {
        super(message);
    }
}
