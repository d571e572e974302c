package org.ecgchat.coca.train;

import java.util.List;

/**
 * A random-access collection of training pairs ({@link ShuffledBatches} turns it into batches).
 * An implementation may read each example from disk when asked, e.g. a WFDB record and its report
 * from a dataset index; it is called from one thread at a time.
 */
public interface CocaExamples {

    /** Number of examples. */
    int size();

    /** Example {@code index} (0-based). */
    CocaExample get(int index);

    /** Examples held in memory. */
    static CocaExamples of(List<CocaExample> examples) {
        List<CocaExample> copy = List.copyOf(examples);
        return new CocaExamples() {
            @Override
            public int size() {
                return copy.size();
            }

            @Override
            public CocaExample get(int index) {
                return copy.get(index);
            }
        };
    }
}
