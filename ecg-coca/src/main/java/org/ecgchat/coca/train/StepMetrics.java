package org.ecgchat.coca.train;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One line of a training run's metrics log, with open_clip's names for the losses.
 *
 * @param step optimiser steps taken, this one included (1-based)
 * @param totalSteps steps of the whole run
 * @param epoch the epoch the step belongs to (0-based, as open_clip logs it)
 * @param loss contrastive + caption loss of the step's batch, before the update
 * @param contrastiveLoss weighted contrastive loss
 * @param captionLoss weighted caption loss
 * @param lr the learning rate the step used
 * @param gradNorm global gradient norm before clipping
 * @param logitScale {@code logit_scale} after the step ({@code exp} of it is the contrastive temperature's inverse)
 * @param samples (ECG, report) pairs in the step
 * @param samplesPerSecond pairs per second over the step, data loading included
 * @param elapsedSeconds training time of the run so far, over all resumptions
 */
public record StepMetrics(
        @JsonProperty("step") long step,
        @JsonProperty("total_steps") long totalSteps,
        @JsonProperty("epoch") int epoch,
        @JsonProperty("loss") double loss,
        @JsonProperty("contrastive_loss") double contrastiveLoss,
        @JsonProperty("caption_loss") double captionLoss,
        @JsonProperty("lr") double lr,
        @JsonProperty("grad_norm") double gradNorm,
        @JsonProperty("logit_scale") double logitScale,
        @JsonProperty("samples") int samples,
        @JsonProperty("samples_per_second") double samplesPerSecond,
        @JsonProperty("elapsed_seconds") double elapsedSeconds) {
}
