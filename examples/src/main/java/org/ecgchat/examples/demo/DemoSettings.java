package org.ecgchat.examples.demo;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What a demo run does.
 *
 * @param out       folder for the dataset, the model, the training run and the report
 * @param seed      seed of the cohort, the initial weights, the data order and the augmentation
 * @param records   synthetic records to generate (about 10% become the test fold)
 * @param minutes   time budget of the whole run; training stops early (and the report says so)
 *                  if it would otherwise overrun it
 * @param threads   CPU threads for the generator, record loading and ND4J
 * @param epochs    passes over the training records
 * @param batchSize training pairs per step
 * @param lr        peak learning rate
 * @param ecgLayers transformer blocks of the ECG tower
 * @param captions  test records to caption and plot in the report
 */
public record DemoSettings(
        @JsonProperty("out") Path out,
        @JsonProperty("seed") long seed,
        @JsonProperty("records") int records,
        @JsonProperty("minutes") double minutes,
        @JsonProperty("threads") int threads,
        @JsonProperty("epochs") int epochs,
        @JsonProperty("batch_size") int batchSize,
        @JsonProperty("lr") double lr,
        @JsonProperty("ecg_layers") int ecgLayers,
        @JsonProperty("captions") int captions) {

    public DemoSettings {
        Objects.requireNonNull(out, "out");
        positive("records", records);
        if (!(minutes > 0) || Double.isInfinite(minutes)) {
            throw new IllegalArgumentException("minutes must be a positive number, was " + minutes);
        }
        positive("threads", threads);
        positive("epochs", epochs);
        positive("batch size", batchSize);
        if (!(lr > 0) || Double.isInfinite(lr)) {
            throw new IllegalArgumentException("lr must be a positive number, was " + lr);
        }
        positive("ECG layers", ecgLayers);
        if (captions < 0) {
            throw new IllegalArgumentException("captions must not be negative, was " + captions);
        }
    }

    /** These settings with another output folder. */
    public DemoSettings withOut(Path folder) {
        return new DemoSettings(folder, seed, records, minutes, threads, epochs, batchSize, lr, ecgLayers, captions);
    }

    private static void positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, was " + value);
        }
    }
}
