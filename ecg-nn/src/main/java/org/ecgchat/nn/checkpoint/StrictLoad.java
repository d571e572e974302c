package org.ecgchat.nn.checkpoint;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One strict pass of a model over a {@link StateDict}: every tensor read is recorded, and
 * {@link #finish()} fails when the checkpoint holds tensors the model never read, so that a
 * checkpoint for another architecture (or with misspelt names) cannot load "successfully" with
 * half of its weights ignored. Not thread-safe; one instance per load.
 */
public final class StrictLoad {
    private final StateDict stateDict;
    private final Set<String> used = new HashSet<>();

    StrictLoad(StateDict stateDict) {
        this.stateDict = stateDict;
    }

    /** The state dict being read. */
    public StateDict stateDict() {
        return stateDict;
    }

    /** As {@link StateDict#get}, marking the tensor used. */
    public INDArray get(String name) {
        INDArray t = stateDict.get(name);
        used.add(name);
        return t;
    }

    /** As {@link StateDict#require}, marking the tensor used. */
    public INDArray require(String name, long... shape) {
        INDArray t = stateDict.require(name, shape);
        used.add(name);
        return t;
    }

    /** As {@link StateDict#requireFloat}, marking the tensor used. */
    public INDArray requireFloat(String name, long... shape) {
        INDArray t = stateDict.requireFloat(name, shape);
        used.add(name);
        return t;
    }

    /**
     * Marks tensors the model knowingly does not need (e.g. BERT's {@code position_ids} buffer) so
     * that {@link #finish()} accepts them; returns how many were marked.
     */
    public int ignore(Predicate<String> names) {
        int n = 0;
        for (String name : stateDict.names()) {
            if (names.test(name) && used.add(name)) {
                n++;
            }
        }
        return n;
    }

    /** Tensors not read or ignored so far, in checkpoint order. */
    public List<String> unused() {
        return stateDict.namesNotIn(used);
    }

    /**
     * Ends the load.
     *
     * @throws CheckpointFormatException listing the tensors that were never read
     */
    public void finish() {
        List<String> unused = unused();
        if (!unused.isEmpty()) {
            String shown = String.join(", ", unused.subList(0, Math.min(10, unused.size())));
            throw new CheckpointFormatException(stateDict.source() + ": " + unused.size()
                    + " tensor(s) of the checkpoint were not used by the model: " + shown
                    + (unused.size() > 10 ? ", ..." : "")
                    + " (the checkpoint does not match the model's configuration)");
        }
    }
}
