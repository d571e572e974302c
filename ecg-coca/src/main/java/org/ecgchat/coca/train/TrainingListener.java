package org.ecgchat.coca.train;

import java.nio.file.Path;

/** Observes a training run (a progress bar, an evaluation every N steps, ...); called on the training thread. */
public interface TrainingListener {

    /** After every optimiser step. */
    void onStep(StepMetrics metrics);

    /** After a checkpoint was written. */
    default void onCheckpoint(Path folder, long step) {
    }
}
