package org.ecgchat.nn.train;

import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which parameters of a Hugging Face BERT (under {@code prefix}, e.g. {@code text.transformer})
 * are frozen by open_clip's {@code HFTextEncoder.lock(unlocked_layers, freeze_layer_norm)}, the
 * {@code --lock-text} option: the modules {@code [embeddings, encoder.layer.0, ..., encoder.layer.L−1]}
 * are frozen except the last {@code unlockedLayers} of them (all when it is 0), and inside frozen
 * modules the {@code LayerNorm} weights stay trainable unless {@code freezeLayerNorm}. Parameters
 * outside the BERT (the text projection, the decoder) are never frozen by this lock.
 *
 * @param prefix the BERT's parameter-name prefix, without the trailing dot
 * @param layers number of encoder layers
 * @param unlockedLayers how many modules at the end stay trainable ({@code --lock-text-unlocked-layers})
 * @param freezeLayerNorm whether frozen modules' LayerNorms are frozen too ({@code --lock-text-freeze-layer-norm})
 */
public record BertLock(String prefix, int layers, int unlockedLayers, boolean freezeLayerNorm)
        implements Predicate<String> {

    private static final Pattern LAYER = Pattern.compile("encoder\\.layer\\.(\\d+)\\..*");

    public BertLock {
        if (layers < 0 || unlockedLayers < 0) {
            throw new IllegalArgumentException("layers and unlocked layers must be non-negative, were " + layers
                    + " and " + unlockedLayers);
        }
    }

    /** Whether the named parameter is frozen. */
    @Override
    public boolean test(String name) {
        if (!name.startsWith(prefix + ".")) {
            return false;
        }
        String local = name.substring(prefix.length() + 1);
        // module index in [embeddings, layer 0, ..., layer L-1]; only the first L + 1 - unlocked are locked
        int module;
        if (local.startsWith("embeddings.")) {
            module = 0;
        } else {
            Matcher m = LAYER.matcher(local);
            if (m.matches()) {
                module = 1 + Integer.parseInt(m.group(1));
            } else {
                // open_clip's full lock freezes every BERT parameter (e.g. the pooler); a partial one only the listed modules
                return unlockedLayers == 0 && (freezeLayerNorm || !isLayerNorm(local));
            }
        }
        boolean locked = unlockedLayers == 0 || module < layers + 1 - unlockedLayers;
        return locked && (freezeLayerNorm || !isLayerNorm(local));
    }

    private static boolean isLayerNorm(String local) {
        for (String part : local.split("\\.")) {
            if (part.equals("LayerNorm")) {
                return true;
            }
        }
        return false;
    }
}
