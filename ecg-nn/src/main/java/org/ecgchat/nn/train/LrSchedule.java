package org.ecgchat.nn.train;

/**
 * The learning rate of each optimiser step, as open_clip's schedulers ({@code training/scheduler.py})
 * compute it: the step is the 0-based index of the update, and every schedule starts with a
 * linear warmup {@code base·(step + 1)/warmup}.
 */
@FunctionalInterface
public interface LrSchedule {

    /** The learning rate of update {@code step} (0-based). */
    double lr(long step);

    /**
     * open_clip's {@code cosine_lr}: warmup, then {@code ½(1 + cos(π·e/es))·base} with
     * {@code e = step − warmup} and {@code es = steps − warmup}; 0 from {@code steps} on.
     */
    static LrSchedule cosine(double base, long warmup, long steps) {
        check(base, warmup, steps);
        return step -> {
            if (step < warmup) {
                return warmup(base, warmup, step);
            }
            long es = steps - warmup;
            if (step >= steps || es <= 0) {
                return 0;
            }
            return 0.5 * (1 + Math.cos(Math.PI * (step - warmup) / es)) * base;
        };
    }

    /** open_clip's {@code const_lr}: warmup, then {@code base}. */
    static LrSchedule constant(double base, long warmup) {
        check(base, warmup, Long.MAX_VALUE);
        return step -> step < warmup ? warmup(base, warmup, step) : base;
    }

    /**
     * open_clip's {@code const_lr_cooldown}: warmup, {@code base} until {@code steps − cooldownSteps},
     * then {@code (1 − e/es)^power·(base − endLr) + endLr} down to {@code endLr}.
     */
    static LrSchedule constantWithCooldown(double base, long warmup, long steps, long cooldownSteps, double power,
            double endLr) {
        check(base, warmup, steps);
        if (cooldownSteps < 1 || cooldownSteps > steps) {
            throw new IllegalArgumentException("cooldown steps must be in [1, " + steps + "], was " + cooldownSteps);
        }
        if (!(power > 0) || !(endLr >= 0)) {
            throw new IllegalArgumentException("cooldown power must be positive and end lr non-negative, were "
                    + power + " and " + endLr);
        }
        long start = steps - cooldownSteps;
        return step -> {
            if (step < warmup) {
                return warmup(base, warmup, step);
            }
            if (step < start) {
                return base;
            }
            double decay = Math.pow(Math.max(0, 1 - (double) (step - start) / (steps - start)), power);
            return decay * (base - endLr) + endLr;
        };
    }

    private static double warmup(double base, long warmup, long step) {
        return base * (step + 1) / warmup;
    }

    private static void check(double base, long warmup, long steps) {
        if (!(base >= 0) || Double.isInfinite(base)) {
            throw new IllegalArgumentException("base learning rate must be non-negative and finite, was " + base);
        }
        if (warmup < 0 || steps < 1) {
            throw new IllegalArgumentException("warmup must be >= 0 and steps >= 1, were " + warmup + " and " + steps);
        }
    }
}
