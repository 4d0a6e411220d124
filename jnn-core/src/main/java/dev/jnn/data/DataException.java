package dev.jnn.data;

/** A data file or dataset that cannot be read as asked: the message names the file, line and column. */
public class DataException extends RuntimeException {
    public DataException(String message) {
        super(message);
    }

    public DataException(String message, Throwable cause) {
        super(message, cause);
    }
}
