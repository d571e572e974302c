package org.ecgchat.io.dataset;

/**
 * Which part of a dataset to read. Each reader documents how it maps these to the original
 * ECG-Chat splits (PTB-XL: fold 10 is the test set; CPSC2018: the training and validation
 * folders; SPH: the original's patient-aware 80/20 sample; ...). A reader refuses a split the
 * dataset does not have rather than guess.
 */
public enum Split {
    /** Every record, whatever its split. */
    ALL,
    /** The records ECG-Chat trains on. */
    TRAIN,
    /** The records ECG-Chat validates on during training. */
    VALIDATION,
    /** The records ECG-Chat reports results on. */
    TEST
}
