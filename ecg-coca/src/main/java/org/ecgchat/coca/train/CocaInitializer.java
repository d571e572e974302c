package org.ecgchat.coca.train;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;
import org.ecgchat.coca.CocaConfig;
import org.ecgchat.coca.CocaModel;
import org.ecgchat.nn.checkpoint.StateDict;
import org.ecgchat.nn.layers.Parameter;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Fresh ECG-CoCa weights for training from scratch, drawn as the original initialises them:
 * <ul>
 *   <li>ECG tower (open_clip {@code VisionTransformer}): {@code class_embedding},
 *       {@code positional_embedding} and {@code proj} ~ N(0, width^-1/2); {@code conv1} and the
 *       blocks keep PyTorch's defaults (Linear/Conv weight and Linear bias ~ U(±1/√fan_in),
 *       attention {@code in_proj_weight} Xavier-uniform, attention biases 0);</li>
 *   <li>decoder (open_clip {@code MultimodalTransformer.init_parameters}): {@code in_proj_weight} ~
 *       N(0, w^-1/2), {@code out_proj.weight} and {@code mlp.c_proj.weight} ~ N(0, w^-1/2·(2L)^-1/2),
 *       {@code mlp.c_fc.weight} ~ N(0, (2w)^-1/2), {@code text_projection} ~ N(0, w^-1/2);</li>
 *   <li>BERT (Hugging Face {@code _init_weights}): Linear and embedding weights ~ N(0, 0.02), biases 0,
 *       the padding row of the word embeddings 0; {@code text.proj} PyTorch's Linear default;</li>
 *   <li>LayerNorms weight 1, bias 0; {@code logit_scale} = {@code init_logit_scale} (ln 1/0.07).</li>
 * </ul>
 * ECG-Chat starts its text tower from the pretrained MedCPT BERT: load those weights over these
 * with {@link #withTextTower}. Every tensor has its own generator seeded from the seed and its
 * name, so the weights do not depend on the order or the threads that draw them.
 */
public final class CocaInitializer {

    private CocaInitializer() {}

    /** A freshly initialised model of {@code config}. */
    public static CocaModel initialize(CocaConfig config, long seed) {
        List<Parameter> parameters = CocaModel.parametersOf(config);
        INDArray[] arrays = new INDArray[parameters.size()];
        Map<String, long[]> shapes = new HashMap<>();
        parameters.forEach(p -> shapes.put(p.name(), p.shape()));
        IntStream.range(0, parameters.size()).parallel().forEach(i -> {
            Parameter p = parameters.get(i);
            arrays[i] = draw(p, config, shapes, Seeds.generator(seed, Seeds.INIT, p.name().hashCode()));
        });
        Map<String, INDArray> weights = new LinkedHashMap<>();
        for (int i = 0; i < arrays.length; i++) {
            weights.put(parameters.get(i).name(), arrays[i]);
        }
        return CocaModel.of(config, StateDict.of("initialisation (seed " + seed + ")", weights));
    }

    /**
     * {@code model} with its BERT replaced by pretrained Hugging Face weights ({@code embeddings.*},
     * {@code encoder.layer.*}, optionally under {@code bert.}; the pooler and buffers are ignored).
     *
     * @throws org.ecgchat.nn.layers.WeightMismatchException listing every missing or mis-shaped BERT tensor
     */
    public static CocaModel withTextTower(CocaModel model, StateDict bert) {
        StateDict source = bert.allNamesStartWith("bert.") ? bert.stripPrefix("bert.") : bert;
        Map<String, INDArray> weights = new LinkedHashMap<>(model.weights());
        Map<String, INDArray> renamed = new LinkedHashMap<>();
        for (String name : source.names()) {
            if (name.startsWith("embeddings.") || name.startsWith("encoder.")) {
                renamed.put("text.transformer." + name, source.get(name));
            }
        }
        List<Parameter> bertParameters = model.parameters().stream()
                .filter(p -> p.name().startsWith("text.transformer.")).toList();
        Map<String, INDArray> matched = org.ecgchat.nn.layers.Parameters.match(bert.source(), bertParameters, renamed,
                name -> name.endsWith("position_ids") || name.endsWith("token_type_ids"));
        weights.putAll(matched);
        return CocaModel.of(model.config(), StateDict.of(bert.source() + " + initialisation", weights));
    }

    private static INDArray draw(Parameter p, CocaConfig config, Map<String, long[]> shapes, RandomGenerator rng) {
        String n = p.name();
        long[] shape = p.shape();
        // PyTorch's Linear/Conv default: weight and bias ~ U(±1/√fan_in), a bias taking its weight's fan-in
        long[] weightShape = n.endsWith(".bias") ? shapes.getOrDefault(n.substring(0, n.length() - 4) + "weight", shape) : shape;
        long fanIn = weightShape.length == 0 ? 1 : weightShape.length == 1 ? weightShape[0]
                : weightShape.length == 3 ? weightShape[1] * weightShape[2] : weightShape[1];
        int size = Math.toIntExact(p.size());
        float[] v = new float[size];
        if (n.equals("logit_scale")) {
            v[0] = config.initLogitScale().floatValue();
        } else if (isLayerNorm(n)) {
            if (n.endsWith(".weight")) {
                Arrays.fill(v, 1f);
            }
        } else if (n.startsWith("ecg.")) {
            ecg(n, shape, fanIn, config, v, rng);
        } else if (n.startsWith("text_decoder.")) {
            decoder(n, fanIn, config, v, rng);
        } else if (n.startsWith("text.transformer.")) {
            if (!n.endsWith(".bias")) {
                normal(v, 0.02, rng);
            }
            if (n.endsWith("word_embeddings.weight")) {
                int width = (int) shape[1];
                Arrays.fill(v, config.padId() * width, (config.padId() + 1) * width, 0f);
            }
        } else {
            uniform(v, 1 / Math.sqrt(fanIn), rng);
        }
        return Nd4j.create(v, shape, 'c');
    }

    private static void ecg(String n, long[] shape, long fanIn, CocaConfig config, float[] v, RandomGenerator rng) {
        double scale = Math.pow(config.ecg().width(), -0.5);
        if (n.equals("ecg.class_embedding") || n.equals("ecg.positional_embedding") || n.equals("ecg.proj")) {
            normal(v, scale, rng);
        } else if (n.endsWith("attn.in_proj_weight")) {
            uniform(v, Math.sqrt(6.0 / (shape[0] + shape[1])), rng);
        } else if (!n.endsWith("attn.in_proj_bias") && !n.endsWith("attn.out_proj.bias")) {
            uniform(v, 1 / Math.sqrt(fanIn), rng);
        }
    }

    private static void decoder(String n, long fanIn, CocaConfig config, float[] v, RandomGenerator rng) {
        double width = config.multimodal().width();
        double attnStd = Math.pow(width, -0.5);
        double projStd = attnStd * Math.pow(2.0 * config.multimodal().layers(), -0.5);
        if (n.endsWith("attn.in_proj_weight") || n.equals("text_decoder.text_projection")) {
            normal(v, attnStd, rng);
        } else if (n.endsWith("attn.out_proj.weight") || n.endsWith("mlp.c_proj.weight")) {
            normal(v, projStd, rng);
        } else if (n.endsWith("mlp.c_fc.weight")) {
            normal(v, Math.pow(2 * width, -0.5), rng);
        } else if (!n.endsWith("attn.in_proj_bias") && !n.endsWith("attn.out_proj.bias")) {
            uniform(v, 1 / Math.sqrt(fanIn), rng);
        }
    }

    private static boolean isLayerNorm(String n) {
        return n.contains(".ln_") || n.contains("LayerNorm");
    }

    private static void normal(float[] v, double std, RandomGenerator rng) {
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (rng.nextGaussian() * std);
        }
    }

    private static void uniform(float[] v, double bound, RandomGenerator rng) {
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) ((rng.nextDouble() * 2 - 1) * bound);
        }
    }
}
