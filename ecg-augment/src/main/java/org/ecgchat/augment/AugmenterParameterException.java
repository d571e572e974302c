package org.ecgchat.augment;

/**
 * An augmenter argument is out of range, either on its own (a probability outside [0, 1]) or for
 * the batch it meets (a mask wider than the signal). {@link #parameter()} is the argument's name as
 * the original torch_ecg / ECG-Chat code spells it, which is also its JSON field.
 */
public class AugmenterParameterException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String augmenter;
    private final String parameter;

    /**
     * @param augmenter the augmenter's name ({@code "RandomMasking"})
     * @param parameter the argument's original name ({@code "mask_width"})
     * @param detail    what was found and what was expected
     */
    public AugmenterParameterException(String augmenter, String parameter, String detail) {
        super(augmenter + "." + parameter + ": " + detail);
        this.augmenter = augmenter;
        this.parameter = parameter;
    }

    /** The augmenter's name, e.g. {@code RandomMasking}. */
    public String augmenter() {
        return augmenter;
    }

    /** The argument's original (JSON) name, e.g. {@code mask_width}. */
    public String parameter() {
        return parameter;
    }
}
