package org.ecgchat.coca;

import java.util.Map;
import java.util.Objects;

/** Validation of configuration fields, naming the field in every message. */
final class ConfigChecks {

    private ConfigChecks() {}

    static Integer positive(String field, Integer value, int fallback) {
        int v = value == null ? fallback : value;
        if (v <= 0) {
            throw new IllegalArgumentException(field + " must be positive, was " + v);
        }
        return v;
    }

    static Double positive(String field, Double value, double fallback) {
        double v = value == null ? fallback : value;
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(field + " must be a positive number, was " + v);
        }
        return v;
    }

    /** Refuses a field whose value would change the architecture in a way this implementation lacks. */
    static void unsupported(String field, Object value, Object supported) {
        boolean emptyMap = value instanceof Map<?, ?> m && m.isEmpty() && supported == null;
        if (value != null && !emptyMap && !Objects.equals(value, supported)) {
            throw new IllegalArgumentException(field + " = " + value + " is not supported (only "
                    + (supported == null ? "unset" : supported) + ")");
        }
    }
}
