package org.ecgchat.nn.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ecgchat.nn.layers.Parameter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * AdamW, global-norm clipping and the logit-scale clamp against {@code torch.optim.AdamW} +
 * {@code torch.nn.utils.clip_grad_norm_} + {@code clamp_(0, ln 100)} (PyTorch 1.13, values printed
 * by a script that ran three steps with lr 1e-2, 5e-3, 2e-3, betas 0.9/0.98, eps 1e-6, weight decay
 * 0.1 on the matrix only, clip norm 0.5).
 */
class AdamWTest {

    private static final List<Parameter> PARAMS = List.of(Parameter.of("layer.weight", 2, 3),
            Parameter.of("layer.bias", 2), Parameter.of("logit_scale"));
    private static final AdamWSettings SETTINGS = new AdamWSettings(0.9, 0.98, 1e-6, 0.1);

    private static final float[][][] GRADS = {
        {{0.3f, -0.2f, 0.1f, 0.0f, 0.5f, -0.7f}, {0.05f, -0.02f}, {-0.4f}},
        {{-0.1f, 0.4f, 0.2f, 0.3f, -0.6f, 0.0f}, {-0.5f, 0.25f}, {-0.2f}},
        {{1e-8f, 0.0f, -3.0f, 2.0f, 0.01f, 0.02f}, {0.0f, 0.0f}, {0.9f}},
    };
    private static final double[] LRS = {1e-2, 5e-3, 2e-3};
    private static final double[] NORMS = {1.0212247371673584, 1.0062305927276611, 3.716248035430908};
    private static final double[][] WEIGHT = {
        {0.4895000755786896, -1.2387501001358032, 1.9880002737045288, 0.7492499947547913, 0.08990003913640976, -0.28970006108283997},
        {0.4872671365737915, -1.2399832010269165, 1.9822022914886475, 0.7451724410057068, 0.09060508757829666, -0.2861887216567993},
        {0.486551970243454, -1.240310788154602, 1.9826366901397705, 0.7433606386184692, 0.09081551432609558, -0.2850956916809082},
    };
    private static final double[][] BIAS = {
        {0.19000041484832764, -0.3900010287761688},
        {0.19335904717445374, -0.39343082904815674},
        {0.1944025754928589, -0.39449647068977356},
    };
    private static final double SCALE = 4.605170249938965;
    private static final double[] EXP_AVG_3 = {0.007425336632877588, 0.009956881403923035, -0.027453197166323662,
        0.04032525047659874, -0.006869131699204445, -0.027491670101881027};
    private static final double[] EXP_AVG_SQ_3 = {0.00046279639354906976, 0.0009584978688508272, 0.003498013596981764,
        0.0018837274983525276, 0.002893370110541582, 0.0022563303355127573};

    static Map<String, INDArray> initialWeights() {
        Map<String, INDArray> w = new LinkedHashMap<>();
        w.put("layer.weight", Nd4j.createFromArray(new float[][] {{0.5f, -1.25f, 2.0f}, {0.75f, 0.1f, -0.3f}}));
        w.put("layer.bias", Nd4j.createFromArray(0.2f, -0.4f));
        w.put("logit_scale", Nd4j.scalar(4.6f));
        return w;
    }

    private static Map<String, INDArray> grads(int step) {
        return Map.of("layer.weight", Nd4j.createFromArray(GRADS[step][0]).reshape(2, 3),
                "layer.bias", Nd4j.createFromArray(GRADS[step][1]),
                "logit_scale", Nd4j.scalar(GRADS[step][2][0]));
    }

    @ParameterizedTest(name = "host loop threads {0} (0: ND4J ops)")
    @ValueSource(ints = {1, 0})
    void threeClippedStepsMatchPyTorch(int hostThreads) {
        Map<String, INDArray> original = initialWeights();
        TrainableParameters params = TrainableParameters.of(PARAMS, original, name -> false, DecayRule.OPEN_CLIP);
        assertThat(params.decayed()).extracting(Parameter::name).containsExactly("layer.weight");
        AdamW adamw = new AdamW(params, SETTINGS, hostThreads);
        for (int k = 0; k < 3; k++) {
            params.setGradients(grads(k));
            assertThat(params.clipGradientNorm(0.5)).isCloseTo(NORMS[k], within(1e-6));
            adamw.step(LRS[k]);
            Clamp.LOGIT_SCALE.apply(params.weights());
            assertClose(params.weights().get("layer.weight"), WEIGHT[k], 1e-7);
            assertClose(params.weights().get("layer.bias"), BIAS[k], 1e-7);
            assertThat(params.weights().get("logit_scale").getDouble()).isCloseTo(SCALE, within(1e-6));
        }
        assertThat(adamw.steps()).isEqualTo(3);
        assertClose(adamw.state().get("exp_avg.layer.weight"), EXP_AVG_3, 1e-8);
        assertClose(adamw.state().get("exp_avg_sq.layer.weight"), EXP_AVG_SQ_3, 1e-8);
        // the caller's arrays are copied, not trained
        assertThat(original.get("layer.weight").getFloat(0, 0)).isEqualTo(0.5f);
    }

    @Test
    void theParallelHostLoopAndTheNd4jOpsAgreeOnLargeBuffers() {
        // 3.5 M elements: the host loop splits them into three blocks on three threads
        List<Parameter> params = List.of(Parameter.of("big.weight", 1750, 1000), Parameter.of("big.bias", 1_750_000));
        Nd4j.getRandom().setSeed(3);
        Map<String, INDArray> start = Map.of("big.weight", Nd4j.randn(DataType.FLOAT, 1750, 1000),
                "big.bias", Nd4j.randn(DataType.FLOAT, 1_750_000));
        List<TrainableParameters> runs = new ArrayList<>();
        List<AdamW> optimisers = new ArrayList<>();
        for (int threads : new int[] {3, 0}) {
            TrainableParameters p = TrainableParameters.of(params, start, name -> false, DecayRule.OPEN_CLIP);
            runs.add(p);
            optimisers.add(new AdamW(p, SETTINGS, threads));
        }
        for (int k = 0; k < 3; k++) {
            Map<String, INDArray> g = Map.of("big.weight", Nd4j.randn(DataType.FLOAT, 1750, 1000).muli(k + 1),
                    "big.bias", Nd4j.randn(DataType.FLOAT, 1_750_000));
            for (int r = 0; r < 2; r++) {
                runs.get(r).setGradients(g);
                optimisers.get(r).step(LRS[k]);
            }
        }
        for (String name : List.of("big.weight", "big.bias")) {
            INDArray host = runs.get(0).weights().get(name);
            INDArray ops = runs.get(1).weights().get(name);
            assertThat(host.sub(ops).amaxNumber().doubleValue()).as(name).isLessThan(1e-6);
            assertThat(host.sub(start.get(name)).amaxNumber().doubleValue()).as(name + " moved").isGreaterThan(1e-3);
        }
        assertThat(optimisers.get(0).state().get("exp_avg_sq.big.bias")).isEqualTo(optimisers.get(1).state().get("exp_avg_sq.big.bias"));
    }

    @Test
    void restoredStateContinuesExactlyLikeTheUninterruptedOptimiser() {
        TrainableParameters a = TrainableParameters.of(PARAMS, initialWeights(), name -> false, DecayRule.OPEN_CLIP);
        AdamW adamA = new AdamW(a, SETTINGS);
        for (int k = 0; k < 2; k++) {
            a.setGradients(grads(k));
            a.clipGradientNorm(0.5);
            adamA.step(LRS[k]);
        }
        Map<String, INDArray> weights = new LinkedHashMap<>();
        a.weights().forEach((n, w) -> weights.put(n, w.dup()));
        Map<String, INDArray> state = new LinkedHashMap<>();
        adamA.state().forEach((n, s) -> state.put(n, s.dup()));

        TrainableParameters b = TrainableParameters.of(PARAMS, weights, name -> false, DecayRule.OPEN_CLIP);
        AdamW adamB = new AdamW(b, SETTINGS);
        adamB.restore("test", state, 2);
        for (TrainableParameters p : List.of(a, b)) {
            p.setGradients(grads(2));
            p.clipGradientNorm(0.5);
        }
        adamA.step(LRS[2]);
        adamB.step(LRS[2]);
        for (String name : List.of("layer.weight", "layer.bias", "logit_scale")) {
            assertThat(b.weights().get(name)).isEqualTo(a.weights().get(name));
        }
    }

    @Test
    void restoreRefusesStateOfOtherParameters() {
        TrainableParameters p = TrainableParameters.of(PARAMS, initialWeights(), name -> false, DecayRule.OPEN_CLIP);
        AdamW adamw = new AdamW(p, SETTINGS);
        Map<String, INDArray> state = new LinkedHashMap<>(adamw.state());
        state.remove("exp_avg.layer.bias");
        state.put("exp_avg_sq.layer.weight", Nd4j.zeros(3, 2));
        state.put("exp_avg.other", Nd4j.zeros(1));
        assertThatThrownBy(() -> adamw.restore("ckpt/optimizer.safetensors", state, 5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ckpt/optimizer.safetensors")
                .hasMessageContaining("missing exp_avg.layer.bias")
                .hasMessageContaining("exp_avg_sq.layer.weight is FLOAT [3, 2], expected FLOAT [2, 3]")
                .hasMessageContaining("unexpected exp_avg.other");
    }

    @Test
    void frozenParametersNeitherMoveNorNeedGradients() {
        TrainableParameters p = TrainableParameters.of(PARAMS, initialWeights(), name -> name.endsWith("bias"),
                DecayRule.OPEN_CLIP);
        assertThat(p.frozen()).extracting(Parameter::name).containsExactly("layer.bias");
        assertThat(p.trainableNames()).containsExactly("layer.weight", "logit_scale");
        Map<String, INDArray> g = new LinkedHashMap<>(grads(0));
        g.remove("layer.bias");
        p.setGradients(g);
        new AdamW(p, SETTINGS).step(0.1);
        assertThat(p.weights().get("layer.bias")).isEqualTo(Nd4j.createFromArray(0.2f, -0.4f));
        assertThat(p.weights().get("layer.weight").getFloat(0, 0)).isNotEqualTo(0.5f);
    }

    @Test
    void zeroLearningRateKeepsWeightsButAdvancesMoments() {
        TrainableParameters p = TrainableParameters.of(PARAMS, initialWeights(), name -> false, DecayRule.OPEN_CLIP);
        AdamW adamw = new AdamW(p, SETTINGS);
        p.setGradients(grads(0));
        adamw.step(0);
        assertThat(p.weights().get("layer.weight")).isEqualTo(initialWeights().get("layer.weight"));
        assertThat(adamw.state().get("exp_avg.layer.weight").getDouble(0, 0)).isCloseTo(0.1 * 0.3, within(1e-7));
        assertThat(adamw.state().get("exp_avg_sq.layer.weight").getDouble(1, 2)).isCloseTo(0.02 * 0.49, within(1e-7));
    }

    @Test
    void gradientAccumulationAddsAndMissingGradientsAreNamed() {
        TrainableParameters p = TrainableParameters.of(PARAMS, initialWeights(), name -> false, DecayRule.OPEN_CLIP);
        p.setGradients(grads(0));
        p.addGradients(grads(1));
        assertThat(p.gradients().get("layer.bias").getDouble(0)).isCloseTo(0.05 - 0.5, within(1e-7));
        assertThat(p.gradientNorm()).isCloseTo(Math.sqrt(sumOfSquaresOfSum()), within(1e-6));
        Map<String, INDArray> partial = new LinkedHashMap<>(grads(0));
        partial.remove("logit_scale");
        assertThatThrownBy(() -> p.setGradients(partial)).hasMessageContaining("logit_scale");
    }

    private static double sumOfSquaresOfSum() {
        double s = 0;
        for (int part = 0; part < 3; part++) {
            for (int i = 0; i < GRADS[0][part].length; i++) {
                double v = GRADS[0][part][i] + (double) GRADS[1][part][i];
                s += v * v;
            }
        }
        return s;
    }

    @Test
    void unclippedWhenBelowTheMaximum() {
        TrainableParameters p = TrainableParameters.of(PARAMS, initialWeights(), name -> false, DecayRule.OPEN_CLIP);
        p.setGradients(grads(0));
        assertThat(p.clipGradientNorm(2.0)).isCloseTo(NORMS[0], within(1e-6));
        assertThat(p.gradients().get("layer.weight").getFloat(0, 0)).isEqualTo(0.3f);
        assertThatThrownBy(() -> p.clipGradientNorm(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void settingsAreChecked() {
        assertThatThrownBy(() -> new AdamWSettings(1.0, 0.98, 1e-6, 0.1)).hasMessageContaining("beta1");
        assertThatThrownBy(() -> new AdamWSettings(0.9, -0.1, 1e-6, 0.1)).hasMessageContaining("beta2");
        assertThatThrownBy(() -> new AdamWSettings(0.9, 0.98, 0, 0.1)).hasMessageContaining("eps");
        assertThatThrownBy(() -> new AdamWSettings(0.9, 0.98, 1e-6, Double.NaN)).hasMessageContaining("weight decay");
        TrainableParameters p = TrainableParameters.of(PARAMS, initialWeights(), name -> false, DecayRule.OPEN_CLIP);
        assertThatThrownBy(() -> new AdamW(p, SETTINGS).step(Double.NaN)).hasMessageContaining("learning rate");
    }

    static void assertClose(INDArray actual, double[] expected, double tolerance) {
        double[] a = actual.dup().data().asDouble();
        assertThat(a).hasSize(expected.length);
        for (int i = 0; i < a.length; i++) {
            assertThat(a[i]).as("element %d", i).isCloseTo(expected[i], within(tolerance));
        }
    }
}
