package org.ecgchat.augment;

import java.util.random.RandomGenerator;

/**
 * A built-in augmenter: it plans its work (draws all its random numbers and wraps the lazily
 * evaluated signals) instead of computing arrays, so a chain of steps runs as one fused pass.
 */
interface Step extends Augmenter {

    /** Draws this step's random numbers and returns the batch as it will be after the step. */
    BatchState plan(BatchState state, RandomGenerator rng);

    @Override
    default EcgBatch apply(EcgBatch batch, RandomGenerator rng) {
        return Engine.materialize(plan(BatchState.of(batch), rng));
    }

    @Override
    default EcgBatch applyInPlace(EcgBatch batch, RandomGenerator rng) {
        return Engine.writeBack(plan(BatchState.of(batch), rng), batch);
    }

    /** Plans any augmenter: built-ins join the plan, others run on the materialised batch. */
    static BatchState planAny(Augmenter augmenter, BatchState state, RandomGenerator rng) {
        if (augmenter instanceof Step step) {
            return step.plan(state, rng);
        }
        return BatchState.of(augmenter.apply(Engine.materialize(state), rng));
    }
}
