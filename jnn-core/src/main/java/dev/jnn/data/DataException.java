package dev.jnn.data;

/**
 * Data that cannot be used as asked: a file or dataset that cannot be read (the message names the file, line and
 * column), or values an estimator refuses (NaN, targets of the wrong width). It is an
 * {@link IllegalArgumentException}, as scikit-learn raises {@code ValueError} for both, and the command line exits
 * 1 for it where other argument errors are usage errors (exit 2).
 */
public class DataException extends IllegalArgumentException {
    public DataException(String message) {
        super(message);
    }

    public DataException(String message, Throwable cause) {
        super(message, cause);
    }
}
