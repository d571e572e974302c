package org.ecgchat.io.synth;

/** The origin of a beat, with its MIT-BIH annotation symbol. */
public enum BeatType {
    /** Conducted through the AV node and His-Purkinje system (sinus beats and beats in atrial fibrillation). */
    NORMAL("N"),
    /** Premature ventricular complex. */
    VENTRICULAR_PREMATURE("V");

    private final String symbol;

    BeatType(String symbol) {
        this.symbol = symbol;
    }

    /** The MIT-BIH annotation mnemonic ({@code N}, {@code V}). */
    public String symbol() {
        return symbol;
    }
}
