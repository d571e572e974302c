package org.ecgchat.nn.train;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;
import org.ecgchat.nn.layers.Parameter;

/**
 * Which parameters AdamW's decoupled weight decay applies to. A parameter is decayed when it has
 * at least {@code minDims} dimensions and its name contains none of {@code excludedSubstrings}.
 * {@link #OPEN_CLIP} is open_clip's rule
 * ({@code exclude = p.ndim < 2 or "bn" in n or "ln" in n or "bias" in n or "logit_scale" in n}):
 * no decay on scalars and vectors (norm weights, biases, class embeddings), on anything named like a
 * norm or bias, and on {@code logit_scale}.
 *
 * @param minDims parameters with fewer dimensions are not decayed
 * @param excludedSubstrings parameters whose name contains one of these (case-sensitive) are not decayed
 */
public record DecayRule(@JsonProperty("min_dims") int minDims,
        @JsonProperty("excluded_substrings") List<String> excludedSubstrings) {

    /** open_clip's rule: at least 2 dimensions, and no "bn", "ln", "bias" or "logit_scale" in the name. */
    public static final DecayRule OPEN_CLIP = new DecayRule(2, List.of("bn", "ln", "bias", "logit_scale"));

    public DecayRule {
        if (minDims < 0) {
            throw new IllegalArgumentException("min_dims must not be negative, was " + minDims);
        }
        excludedSubstrings = List.copyOf(Objects.requireNonNull(excludedSubstrings, "excluded_substrings"));
        for (String s : excludedSubstrings) {
            if (s.isEmpty()) {
                throw new IllegalArgumentException("excluded_substrings holds an empty string, which would exclude every parameter");
            }
        }
    }

    /** Whether weight decay applies to {@code p}. */
    public boolean decays(Parameter p) {
        if (p.shape().length < minDims) {
            return false;
        }
        for (String s : excludedSubstrings) {
            if (p.name().contains(s)) {
                return false;
            }
        }
        return true;
    }
}
