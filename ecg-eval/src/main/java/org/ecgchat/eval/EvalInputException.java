package org.ecgchat.eval;

/**
 * Input to an evaluation is malformed: mismatched lengths, NaN or infinite scores, labels outside
 * {0, 1}, empty inputs, unreadable tables. The message names the array, row, column or file line
 * and what was expected.
 */
public class EvalInputException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public EvalInputException(String message) {
        super(message);
    }

    public EvalInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
