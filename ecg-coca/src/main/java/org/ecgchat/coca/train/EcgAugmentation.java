package org.ecgchat.coca.train;

import java.util.random.RandomGenerator;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Training-time augmentation of an ECG batch {@code [B, leads, samples]} (e.g. ECG-Chat's
 * RandomApply(BaselineWander), RandomApply(CutMix), RandomApply(RandomMasking) from
 * {@code ecg-augment}). It draws every random number from {@code rng}, which {@link CocaTrainer}
 * derives from the run's seed and the batch's position, so a resumed run augments exactly as an
 * uninterrupted one. It may return a new array or the input changed in place.
 */
@FunctionalInterface
public interface EcgAugmentation {

    INDArray apply(INDArray ecg, RandomGenerator rng);
}
