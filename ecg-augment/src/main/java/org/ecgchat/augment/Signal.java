package org.ecgchat.augment;

/**
 * A lazily evaluated batch of signals: a node of the graph an augmentation plan builds. All random
 * numbers are drawn while planning, so evaluating rows is a pure function of the plan and rows can
 * be produced in any order, on any number of threads, with the same result.
 *
 * <p>Evaluating row by row lets a whole chain (wander, cut, mask, normalise, pad) run as one pass
 * over memory instead of one pass per step.
 */
abstract class Signal {
    final int records;
    final int leads;
    final int length;

    Signal(int records, int leads, int length) {
        this.records = records;
        this.leads = leads;
        this.length = length;
    }

    /** Writes samples {@code [from, to)} of one lead of one record into {@code dst[off ...]}. */
    abstract void fill(int record, int lead, int from, int to, float[] dst, int off);

    /**
     * True when each output record reads only the same input record, so a record can be written
     * back over its input as soon as it is computed (in-place evaluation without a copy).
     */
    abstract boolean recordLocal();

    /** A node computed from one upstream node of the same shape (unless it says otherwise). */
    abstract static class Derived extends Signal {
        final Signal in;

        Derived(Signal in) {
            this(in, in.length);
        }

        Derived(Signal in, int length) {
            super(in.records, in.leads, length);
            this.in = in;
        }

        @Override
        boolean recordLocal() {
            return in.recordLocal();
        }
    }
}
