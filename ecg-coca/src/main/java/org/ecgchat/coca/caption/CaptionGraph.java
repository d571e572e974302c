package org.ecgchat.coca.caption;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.ecgchat.coca.CocaConfig;
import org.ecgchat.coca.EcgTower;
import org.ecgchat.coca.MultimodalDecoder;
import org.ecgchat.coca.TextTower;
import org.ecgchat.nn.layers.Graph;
import org.ecgchat.nn.layers.Parameter;
import org.ecgchat.nn.layers.Tokens;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The SameDiff graph of caption generation, with two entry points. {@link #memory} runs the ECG
 * tower once per ECG and derives, for every decoder layer, the keys and values its cross-attention
 * reads. {@link #nextTokenLogits} runs one decoding step for a batch of token sequences: the text
 * tower over the whole sequence, the decoder with those cached keys and values, and the vocabulary
 * projection of the last position only.
 *
 * <p>The decoder's self-attention gets no key/value cache: its inputs are the text tower's token
 * states, and BERT attends in both directions, so appending a token changes the states of all
 * earlier positions (a cache would change the result).
 */
final class CaptionGraph {

    private static final String ECG = "ecg";
    private static final String TEXT = "text";
    private static final String NEXT_LOGITS = "next_logits";

    private final SameDiff sd;
    private final int layers;

    CaptionGraph(CocaConfig config, Function<Parameter, INDArray> weights) {
        Graph graph = new Graph(SameDiff.create(), weights);
        this.sd = graph.sameDiff();
        this.layers = config.multimodal().layers();
        int width = config.multimodal().width();
        int heads = config.multimodal().heads();
        long patches = config.ecg().patches();

        SDVariable ecg = sd.placeHolder(ECG, DataType.FLOAT, -1, config.ecg().leadNum(), config.ecg().seqLength());
        EcgTower.Output e = new EcgTower(config).apply(graph, ecg);
        SDVariable memoryDims = sd.concat(0, sd.stridedSlice(e.hidden().dims(), new long[] {0}, new long[] {1}, 1),
                graph.longs(patches));
        MultimodalDecoder decoder = new MultimodalDecoder(config);
        List<SDVariable[]> memory = decoder.memoryKeysValues(graph, new Tokens(sd.reshape(e.tokens(), -1, width), memoryDims));
        List<SDVariable[]> cached = new ArrayList<>();
        for (int i = 0; i < layers; i++) {
            memory.get(i)[0].rename(memoryName(i, 0));
            memory.get(i)[1].rename(memoryName(i, 1));
            cached.add(new SDVariable[] {
                sd.placeHolder(cachedName(i, 0), DataType.FLOAT, -1, heads, patches, width / heads),
                sd.placeHolder(cachedName(i, 1), DataType.FLOAT, -1, heads, patches, width / heads)});
        }

        SDVariable text = sd.placeHolder(TEXT, DataType.INT64, -1, -1);
        TextTower tower = new TextTower(config);
        Tokens states = tower.decoderInput(graph, tower.apply(graph, text).hidden(), false);
        decoder.nextTokenLogits(graph, states, cached).rename(NEXT_LOGITS);
    }

    /**
     * The cross-attention keys and values of every decoder layer for {@code ecg [B, leads, samples]}
     * (FLOAT): per layer the keys, then the values, each {@code [B, heads, patches, width / heads]}.
     */
    List<INDArray> memory(INDArray ecg) {
        String[] names = new String[2 * layers];
        for (int i = 0; i < layers; i++) {
            names[2 * i] = memoryName(i, 0);
            names[2 * i + 1] = memoryName(i, 1);
        }
        Map<String, INDArray> out = sd.output(Map.of(ECG, ecg), names);
        List<INDArray> memory = new ArrayList<>(names.length);
        for (String name : names) {
            memory.add(out.get(name));
        }
        return memory;
    }

    /**
     * Logits {@code [N, vocabulary]} of the token after each of the sequences {@code ids [N, L]}
     * (INT64), each attending to row n of the keys and values in {@code memory} (as {@link #memory}
     * returns them, with the rows of the N sequences).
     */
    INDArray nextTokenLogits(INDArray ids, List<INDArray> memory) {
        Map<String, INDArray> inputs = new HashMap<>();
        inputs.put(TEXT, ids);
        for (int i = 0; i < layers; i++) {
            inputs.put(cachedName(i, 0), memory.get(2 * i));
            inputs.put(cachedName(i, 1), memory.get(2 * i + 1));
        }
        return sd.output(inputs, NEXT_LOGITS).get(NEXT_LOGITS);
    }

    private static String memoryName(int layer, int part) {
        return "memory." + layer + (part == 0 ? ".keys" : ".values");
    }

    private static String cachedName(int layer, int part) {
        return "cached." + layer + (part == 0 ? ".keys" : ".values");
    }
}
