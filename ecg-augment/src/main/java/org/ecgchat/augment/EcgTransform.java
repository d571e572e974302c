package org.ecgchat.augment;

/**
 * The original's input transforms ({@code ecg_transform} in ECG-Chat's open_clip): for training,
 * {@code RandomApply(BaselineWander, 0.5)}, {@code RandomApply(CutMix, 0.5)},
 * {@code RandomApply(RandomMasking, 0.3)}, then {@link Normalize} and {@link Resize}; for
 * evaluation the last two only. Each is one {@link Compose}, i.e. one call and one pass:
 *
 * <pre>{@code
 * Augmenter train = EcgTransform.training();
 * RandomGenerator rng = Augmenter.random(42);
 * INDArray x = train.apply(EcgBatch.of(signals), rng).signals();   // [64, 12, 5000]
 * }</pre>
 */
public final class EcgTransform {
    /** The original's sampling rate (Hz), record length (samples) and lead count. */
    public static final int SAMPLING_RATE = 500;
    public static final int SEQ_LENGTH = 5000;
    public static final int LEADS = 12;

    private EcgTransform() {
    }

    /** The training transforms with the original's settings: 500 Hz, 5000 samples, mean 0, std 1. */
    public static Compose training() {
        return training(SAMPLING_RATE, SEQ_LENGTH, Normalize.identity(LEADS));
    }

    /**
     * The training transforms at sampling rate {@code fs}, resized to {@code seqLength}, normalised
     * by {@code normalize}.
     */
    public static Compose training(double fs, int seqLength, Normalize normalize) {
        return new Compose(
                new RandomApply(0.5, new BaselineWander(fs)),
                new RandomApply(0.5, new CutMix()),
                new RandomApply(0.3, new RandomMasking(fs)),
                normalize,
                new Resize(seqLength));
    }

    /** The evaluation transforms with the original's settings (mean 0, std 1, 5000 samples). */
    public static Compose evaluation() {
        return evaluation(SEQ_LENGTH, Normalize.identity(LEADS));
    }

    /** Normalise, then pad or crop to {@code seqLength}. */
    public static Compose evaluation(int seqLength, Normalize normalize) {
        return new Compose(normalize, new Resize(seqLength));
    }
}
