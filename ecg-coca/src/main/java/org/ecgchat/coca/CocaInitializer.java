package org.ecgchat.coca;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.ecgchat.nn.checkpoint.StateDict;
import org.ecgchat.nn.layers.Parameter;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Fresh weights for training ECG-CoCa from scratch, drawn as the PyTorch original initialises
 * each part:
 * <ul>
 *   <li>ECG tower (open_clip {@code VisionTransformer}, whose {@code init_parameters} is a no-op):
 *       class and positional embeddings and {@code proj} ~ N(0, width<sup>−1/2</sup>); PyTorch's
 *       defaults elsewhere — Conv1d and Linear weights and Linear biases ~ U(±1/√fan_in),
 *       {@code nn.MultiheadAttention}'s packed {@code in_proj_weight} Xavier-uniform with zero
 *       biases;</li>
 *   <li>text tower (Hugging Face BERT {@code _init_weights}): Linear and embedding weights
 *       ~ N(0, 0.02), biases 0, the padding row of the word embeddings 0; the bias-free
 *       {@code text.proj} with PyTorch's Linear default;</li>
 *   <li>decoder (open_clip {@code MultimodalTransformer.init_parameters}): attention
 *       {@code in_proj_weight} ~ N(0, width<sup>−1/2</sup>), {@code out_proj} and {@code c_proj}
 *       ~ N(0, width<sup>−1/2</sup>·(2·layers)<sup>−1/2</sup>), {@code c_fc} ~ N(0, (2·width)<sup>−1/2</sup>),
 *       {@code text_projection} ~ N(0, width<sup>−1/2</sup>);</li>
 *   <li>every LayerNorm weight 1 and bias 0; {@code logit_scale} = {@code init_logit_scale}.</li>
 * </ul>
 * Each parameter draws from its own generator, derived from the seed and its name, so the weights
 * are a function of the seed and the configuration only. A parameter this class has no rule for
 * is an error rather than a silent zero.
 */
public final class CocaInitializer {

    private static final double BERT_STD = 0.02;

    private CocaInitializer() {}

    /** A model of architecture {@code config} with freshly drawn weights. */
    public static CocaModel newModel(CocaConfig config, long seed) {
        return CocaModel.of(config, StateDict.of("initialised (seed " + seed + ")", weights(config, seed)));
    }

    /** Freshly drawn weights of every parameter of {@code config}, by state-dict name. */
    public static Map<String, INDArray> weights(CocaConfig config, long seed) {
        Map<String, INDArray> out = new LinkedHashMap<>();
        for (Parameter p : CocaModel.parametersOf(config)) {
            SplittableRandom rng = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + p.name().hashCode());
            out.put(p.name(), Nd4j.create(values(config, p, rng), p.shape(), 'c'));
        }
        return out;
    }

    private static float[] values(CocaConfig config, Parameter p, SplittableRandom rng) {
        String name = p.name();
        long[] shape = p.shape();
        int n = Math.toIntExact(p.size());
        if (name.equals("logit_scale")) {
            return new float[] {(float) config.initLogitScale().doubleValue()};
        }
        if (isNorm(name)) {
            return constant(n, name.endsWith(".weight") ? 1 : 0);
        }
        if (name.startsWith("text.transformer.")) {
            if (name.endsWith(".bias")) {
                return constant(n, 0);
            }
            float[] w = normal(n, BERT_STD, rng);
            if (name.endsWith("word_embeddings.weight")) {
                int width = (int) shape[1];
                Arrays.fill(w, config.text().padId() * width, (config.text().padId() + 1) * width, 0f);
            }
            return w;
        }
        if (name.equals("text.proj.weight")) {
            return uniform(n, 1 / Math.sqrt(shape[1]), rng);
        }
        if (name.startsWith("ecg.")) {
            double scale = 1 / Math.sqrt(config.ecg().width());
            if (name.equals("ecg.class_embedding") || name.equals("ecg.positional_embedding") || name.equals("ecg.proj")) {
                return normal(n, scale, rng);
            }
            if (name.equals("ecg.conv1.weight")) {
                return uniform(n, 1 / Math.sqrt(shape[1] * shape[2]), rng);
            }
            int width = config.ecg().width();
            return pytorchDefault(name, shape, n, width, (long) (width * config.ecg().mlpRatio()), rng);
        }
        if (name.startsWith("text_decoder.")) {
            int width = config.multimodal().width();
            double attnStd = 1 / Math.sqrt(width);
            double projStd = attnStd / Math.sqrt(2.0 * config.multimodal().layers());
            if (name.equals("text_decoder.text_projection") || name.endsWith(".attn.in_proj_weight")) {
                return normal(n, attnStd, rng);
            }
            if (name.endsWith(".attn.out_proj.weight") || name.endsWith(".mlp.c_proj.weight")) {
                return normal(n, projStd, rng);
            }
            if (name.endsWith(".mlp.c_fc.weight")) {
                return normal(n, 1 / Math.sqrt(2.0 * width), rng);
            }
            return pytorchDefault(name, shape, n, width, (long) (width * config.multimodal().mlpRatio()), rng);
        }
        throw new IllegalStateException("no initialisation rule for parameter " + p);
    }

    /**
     * PyTorch's defaults for the parts of a residual attention block (of {@code width}, MLP hidden
     * size {@code hidden}) without an explicit rule.
     */
    private static float[] pytorchDefault(String name, long[] shape, int n, long width, long hidden,
            SplittableRandom rng) {
        if (name.endsWith(".attn.in_proj_weight")) {
            // xavier_uniform_ over [3D, D]: fan_in D, fan_out 3D
            return uniform(n, Math.sqrt(6.0 / (shape[0] + shape[1])), rng);
        }
        if (name.endsWith(".attn.in_proj_bias") || name.endsWith(".attn.out_proj.bias")) {
            return constant(n, 0);
        }
        if (name.endsWith(".weight") && shape.length == 2) {
            return uniform(n, 1 / Math.sqrt(shape[1]), rng);
        }
        // a Linear's bias bound is 1/sqrt(fan_in) of its weight
        if (name.endsWith(".mlp.c_fc.bias")) {
            return uniform(n, 1 / Math.sqrt(width), rng);
        }
        if (name.endsWith(".mlp.c_proj.bias")) {
            return uniform(n, 1 / Math.sqrt(hidden), rng);
        }
        throw new IllegalStateException("no initialisation rule for parameter " + name + " " + Arrays.toString(shape));
    }

    private static boolean isNorm(String name) {
        List<String> parts = List.of(name.split("\\."));
        String layer = parts.size() >= 2 ? parts.get(parts.size() - 2) : "";
        return layer.equals("LayerNorm") || layer.startsWith("ln_");
    }

    private static float[] constant(int n, float value) {
        float[] v = new float[n];
        Arrays.fill(v, value);
        return v;
    }

    private static float[] normal(int n, double std, SplittableRandom rng) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (std * rng.nextGaussian());
        }
        return v;
    }

    private static float[] uniform(int n, double bound, SplittableRandom rng) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (bound * (2 * rng.nextDouble() - 1));
        }
        return v;
    }
}
