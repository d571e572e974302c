package org.ecgchat.coca.train;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Where a training run stands, as its checkpoints record it in {@code trainer.json}: the steps
 * taken, the data position of the next step, and the seed its data order and augmentation derive
 * from (generators are functions of the seed and the position, so this is the whole random state).
 *
 * @param format identifies the file's layout
 * @param step optimiser steps taken
 * @param epoch epoch of the next step (0-based)
 * @param stepInEpoch index of the next step in its epoch; its batches are {@code stepInEpoch·accum_freq ...}
 * @param stepsPerEpoch optimiser steps per epoch
 * @param batchesPerEpoch batches the data source gave per epoch
 * @param accumFreq batches per step
 * @param samplesSeen pairs trained on so far
 * @param rngAlgorithm the generator algorithm behind {@code seed}
 * @param seed the run's seed
 * @param elapsedSeconds training time so far
 * @param trainConfig the configuration the run was started (or last resumed) with
 */
@JsonIgnoreProperties(ignoreUnknown = false)
record TrainerState(
        @JsonProperty("format") String format,
        @JsonProperty("step") long step,
        @JsonProperty("epoch") int epoch,
        @JsonProperty("step_in_epoch") long stepInEpoch,
        @JsonProperty("steps_per_epoch") long stepsPerEpoch,
        @JsonProperty("batches_per_epoch") int batchesPerEpoch,
        @JsonProperty("accum_freq") int accumFreq,
        @JsonProperty("samples_seen") long samplesSeen,
        @JsonProperty("rng_algorithm") String rngAlgorithm,
        @JsonProperty("seed") long seed,
        @JsonProperty("elapsed_seconds") double elapsedSeconds,
        @JsonProperty("train_config") TrainConfig trainConfig) {

    static final String FORMAT = "ecg-chat-coca-trainer/1";
}
