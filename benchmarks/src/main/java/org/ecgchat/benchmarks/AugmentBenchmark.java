package org.ecgchat.benchmarks;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.ecgchat.augment.Augmenter;
import org.ecgchat.augment.BaselineWander;
import org.ecgchat.augment.Compose;
import org.ecgchat.augment.CutMix;
import org.ecgchat.augment.EcgBatch;
import org.ecgchat.augment.EcgTransform;
import org.ecgchat.augment.LabelSmooth;
import org.ecgchat.augment.Mixup;
import org.ecgchat.augment.Normalize;
import org.ecgchat.augment.RandomFlip;
import org.ecgchat.augment.RandomMasking;
import org.ecgchat.augment.RandomRenormalize;
import org.ecgchat.augment.RandomTimeReverse;
import org.ecgchat.augment.Resize;
import org.ecgchat.augment.StretchCompress;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * ecg-augment on a [64, 12, 5000] float32 batch (ECG-Chat's batch of 10 s, 500 Hz, 12-lead
 * records): the original training pipeline, the same three steps each certain to act, every
 * augmenter with its probability at 1, and ("copy") a native copy of the batch as the floor.
 * Results and the reference numbers of the original: docs/benchmarks.md.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
// a pre-touched heap: first-touch page faults of a growing heap are not the augmenters' cost
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
public class AugmentBenchmark {

    @Param({"copy", "training", "training_p1", "BaselineWander", "CutMix", "RandomMasking", "Mixup", "RandomFlip",
        "RandomRenormalize", "StretchCompress", "RandomTimeReverse", "LabelSmooth"})
    public String augmenter;

    private Augmenter subject;
    private EcgBatch batch;
    /** A reused batch the in-place benchmark refills from {@link #batch} before every call. */
    private EcgBatch work;
    private RandomGenerator rng;

    @Setup(Level.Trial)
    public void setUp() {
        Random random = new Random(1);
        float[] values = new float[64 * 12 * 5000];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextGaussian();
        }
        INDArray signals = Nd4j.create(values, new long[] {64, 12, 5000}, DataType.FLOAT);
        INDArray labels = Nd4j.zeros(DataType.FLOAT, 64, 26);
        for (int b = 0; b < 64; b++) {
            labels.putScalar(b, b % 26, 1f);
        }
        batch = EcgBatch.of(signals, labels);
        work = EcgBatch.of(signals.dup(), labels.dup());
        rng = Augmenter.random(42);
        subject = switch (augmenter) {
            // the floor: one native copy, what any out-of-place augmenter must at least do
            case "copy" -> new Copy();
            case "training" -> EcgTransform.training();
            case "training_p1" -> new Compose(new BaselineWander(), new CutMix(), new RandomMasking(500),
                    Normalize.identity(12), new Resize(5000));
            case "BaselineWander" -> new BaselineWander();
            case "CutMix" -> new CutMix();
            case "RandomMasking" -> new RandomMasking(500, 0, new double[] {0.08, 0.18}, new double[] {1.0, 0.15});
            case "Mixup" -> new Mixup(0.5, 0.5, 1.0);
            case "RandomFlip" -> new RandomFlip(true, new double[] {1.0, 0.2});
            case "RandomRenormalize" -> new RandomRenormalize(new double[] {-0.05, 0.1}, new double[] {0.08, 0.32},
                    false, 1.0);
            case "StretchCompress" -> new StretchCompress(6, 1.0);
            case "RandomTimeReverse" -> new RandomTimeReverse(1.0);
            case "LabelSmooth" -> new LabelSmooth(0.1, 1.0);
            default -> throw new IllegalArgumentException(augmenter);
        };
    }

    /**
     * Out of place: a new batch per call, allocation included; the result is released at once, as a
     * training loop (or an ND4J workspace) would, so native memory is recycled instead of
     * accumulating until a garbage collection.
     */
    @Benchmark
    public float apply() {
        EcgBatch out = subject.apply(batch, rng);
        float first = out.signals().getFloat(0);
        out.signals().close();
        out.labels().close();
        return first;
    }

    /** In place on a reused batch, refilled from the input first (as a loader reusing its buffer). */
    @Benchmark
    public INDArray applyInPlace() {
        work.signals().assign(batch.signals());
        work.labels().assign(batch.labels());
        return subject.applyInPlace(work, rng).signals();
    }

    /** The floor: a copy of the batch (in place: nothing beyond the refill). */
    private static final class Copy implements Augmenter {
        @Override
        public EcgBatch apply(EcgBatch in, RandomGenerator r) {
            return EcgBatch.of(in.signals().dup(), in.labels().dup());
        }

        @Override
        public EcgBatch applyInPlace(EcgBatch in, RandomGenerator r) {
            return in;
        }
    }
}
