package org.ecgchat.nn.layers;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.nd4j.autodiff.listeners.At;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.autodiff.samediff.config.SDValue;
import org.nd4j.autodiff.samediff.config.SDValueType;
import org.nd4j.autodiff.samediff.internal.InferenceSession;
import org.nd4j.autodiff.samediff.internal.Variable;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * SameDiff's per-thread execution session, made fit for running the same graph over and over.
 * SameDiff 1.0.0-M2.1 returns every intermediate array to the session's memory manager once its
 * last consumer has run, and later ops take arrays of the same shape from there; a training step
 * reuses almost all its memory this way instead of allocating (and zeroing, and page-faulting) a
 * gigabyte of fresh native memory per step. Four defects of the stock session are repaired:
 * <ul>
 *   <li>{@code SameDiff.calculateGradients} switches this reuse off for the gradient function, so
 *       {@link Graph} runs that function itself through this session;</li>
 *   <li>the stock memory manager tracks arrays by id, which ND4J does not keep unique for reused
 *       arrays, and then refuses arrays; {@link ArrayCache} tracks them by identity;</li>
 *   <li>an array whose consumers are not run (e.g. the gradient of an input that needs none) is
 *       never handed back; at the end of a run every intermediate array that is not an output is
 *       handed back;</li>
 *   <li>the session remembers the id of every array it ever released and never forgets them (an
 *       unbounded leak over a long run); the ids only guard against releasing an array twice
 *       within one run, so they are cleared when the next run starts.</li>
 * </ul>
 */
final class RecyclingSession extends InferenceSession {

    private final Set<INDArray> placeholders = identitySet();

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

    private static Set<INDArray> identitySet() {
        return Collections.newSetFromMap(new IdentityHashMap<>());
    }

    @Override
    protected Map<String, INDArray> preprocessPlaceholders(Map<String, INDArray> given, At at) {
        freedArrays.clear();
        placeholders.clear();
        if (given != null) {
            placeholders.addAll(given.values());
        }
        return super.preprocessPlaceholders(given, at);
    }

    @Override
    protected Map<String, SDValue> postProcessOutputValues(Map<String, SDValue> output) {
        Map<String, SDValue> result = super.postProcessOutputValues(output);
        // keep the outputs and whatever outlives the run (an identity op passes its input through)
        Set<INDArray> kept = identitySet();
        kept.addAll(placeholders);
        for (SDValue value : result.values()) {
            addArrays(value, kept);
        }
        for (SDVariable v : sameDiff.variables()) {
            if (v.getVariableType() == VariableType.VARIABLE || v.getVariableType() == VariableType.CONSTANT) {
                kept.add(v.getArr());
            }
        }
        for (Map.Entry<VarId, SDValue> e : nodeValueOutputs.entrySet()) {
            Variable v = sameDiff.getVariables().get(e.getKey().getVariable());
            SDValue value = e.getValue();
            if (v != null && v.getVariable().getVariableType() == VariableType.ARRAY && value != null
                    && value.getSdValueType() == SDValueType.TENSOR) {
                INDArray a = value.getTensorValue();
                if (a != null && kept.add(a)) {
                    getMmgr().release(a);
                }
            }
        }
        return result;
    }

    private static void addArrays(SDValue value, Set<INDArray> into) {
        if (value == null) {
            return;
        }
        if (value.getSdValueType() == SDValueType.TENSOR) {
            into.add(value.getTensorValue());
        } else if (value.getSdValueType() == SDValueType.LIST && value.getListValue() != null) {
            into.addAll(value.getListValue());
        }
    }
}
