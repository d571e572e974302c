package org.ecgchat.nn.layers;

import java.util.Map;
import org.nd4j.autodiff.listeners.At;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.internal.InferenceSession;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * SameDiff's per-thread execution session, made fit for running the same graph over and over.
 * SameDiff 1.0.0-M2.1 returns every intermediate array to the session's memory manager once its
 * last consumer has run, and later ops take arrays of the same shape from there; a training step
 * reuses almost all its memory this way instead of allocating (and zeroing, and page-faulting) a
 * gigabyte of fresh native memory per step. Three defects of the stock session are repaired:
 * <ul>
 *   <li>{@code SameDiff.calculateGradients} switches this reuse off for the gradient function, so
 *       {@link Graph} runs that function itself through this session;</li>
 *   <li>the stock memory manager tracks arrays by id, which ND4J does not keep unique for reused
 *       arrays, and then refuses arrays; {@link ArrayCache} tracks them by identity;</li>
 *   <li>the session remembers the id of every array it ever released and never forgets them (an
 *       unbounded leak over a long run); the ids only guard against releasing an array twice
 *       within one run, so they are cleared when the next run starts.</li>
 * </ul>
 */
final class RecyclingSession extends InferenceSession {

    private RecyclingSession(SameDiff sameDiff) {
        super(sameDiff);
        setMmgr(new ArrayCache(freedArrays));
    }

    /**
     * The current thread's session of {@code sd}, installed on first use (in place of a stock
     * session SameDiff may have created, e.g. while building a gradient function).
     */
    static InferenceSession of(SameDiff sd) {
        return sd.getSessions().compute(Thread.currentThread().getId(),
                (id, s) -> s instanceof RecyclingSession ? s : new RecyclingSession(sd));
    }

    @Override
    protected Map<String, INDArray> preprocessPlaceholders(Map<String, INDArray> placeholders, At at) {
        freedArrays.clear();
        return super.preprocessPlaceholders(placeholders, at);
    }
}
