package org.ecgchat.coca.caption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.ecgchat.coca.CocaModel;
import org.ecgchat.coca.Fixtures;
import org.ecgchat.nn.checkpoint.Safetensors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Caption generation with the fixture model (vocabulary of 100; 1 = start, 2 = end, 0 = padding) on
 * the fixture's three ECGs, continuing the prefix [1, 69] (its text tower is CLS-pooled, so the
 * decoder needs one token after the start token).
 *
 * <p>Reference token ids: a throwaway PyTorch 1.13 re-implementation of the fixture architecture
 * (BERT with pad masking, the 1-D ViT, open_clip's decoder via explicit attention), checked against
 * the fixture's {@code expected.logits} (max difference 1.2e-6), driving a transcription of open_clip's
 * {@code CoCa.generate} sampling loop (greedy = argmax) and of Hugging Face's group beam search
 * ({@code BeamSearchScorer}, {@code BeamHypotheses}, Hamming diversity, min-length and repetition
 * processors), batched over the three ECGs.
 */
class CaptionGeneratorTest {

    private static final SpecialTokens TOKENS = new SpecialTokens(1, 2, 0);
    private static final int[] START = {1, 69};

    private static CocaModel model;
    private static CaptionGenerator generator;
    private static INDArray ecg;

    @BeforeAll
    static void load() throws IOException {
        model = CocaModel.load(Fixtures.coca().resolve("model.safetensors"));
        generator = new CaptionGenerator(model);
        ecg = Safetensors.read(Fixtures.coca().resolve("case.safetensors")).get("input.ecg");
    }

    private static CaptionSettings.Builder settings(CaptionSettings.Strategy strategy) {
        return CaptionSettings.defaults().toBuilder().strategy(strategy).seqLen(12).minSeqLen(5);
    }

    private static int[][] tokens(List<GeneratedTokens> generated) {
        return generated.stream().map(GeneratedTokens::tokens).toArray(int[][]::new);
    }

    @Test
    void greedyDecodingMatchesThePyTorchReference() {
        assertThat(tokens(generator.generate(ecg, START, TOKENS, settings(CaptionSettings.Strategy.GREEDY).build())))
                .isEqualTo(new int[][] {
                    {1, 69, 54, 97, 21, 42, 90, 42, 67, 77, 46, 2},
                    {1, 69, 54, 97, 77, 42, 90, 42, 67, 77, 46, 2},
                    {1, 69, 54, 97, 21, 42, 32, 21, 32, 45, 21, 2}});
    }

    @Test
    void greedyDecodingWithARepetitionPenaltyMatchesThePyTorchReference() {
        CaptionSettings s = settings(CaptionSettings.Strategy.GREEDY).repetitionPenalty(1.5).build();
        assertThat(tokens(generator.generate(ecg, START, TOKENS, s))).isEqualTo(new int[][] {
            {1, 69, 54, 97, 21, 42, 90, 66, 72, 87, 45, 2},
            {1, 69, 54, 97, 77, 42, 90, 16, 11, 40, 99, 2},
            {1, 69, 54, 97, 21, 42, 32, 77, 87, 45, 21, 2}});
    }

    @Test
    void beamSearchMatchesThePyTorchReference() {
        CaptionSettings s = settings(CaptionSettings.Strategy.BEAM_SEARCH).beams(4, 1).build();
        List<GeneratedTokens> out = generator.generate(ecg, START, TOKENS, s);
        assertThat(tokens(out)).isEqualTo(new int[][] {
            {1, 69, 72, 72, 72, 87, 19, 21, 19, 35, 21, 42},
            {1, 69, 54, 97, 77, 42, 90, 42, 24, 87, 46, 42},
            {1, 69, 54, 97, 77, 42, 32, 21, 32, 45, 21, 42}});
        double[] scores = {2.045670509338379, 1.8857512474060059, 1.981509526570638};
        for (int i = 0; i < 3; i++) {
            assertThat(out.get(i).score().orElseThrow()).isCloseTo(scores[i], within(1e-4));
        }
    }

    @Test
    void diverseBeamSearchMatchesThePyTorchReference() {
        CaptionSettings s = settings(CaptionSettings.Strategy.BEAM_SEARCH).beams(6, 3).diversityPenalty(0.5).build();
        List<GeneratedTokens> out = generator.generate(ecg, START, TOKENS, s);
        assertThat(tokens(out)).isEqualTo(new int[][] {
            {1, 69, 72, 72, 72, 87, 19, 21, 32, 35, 21, 42},
            {1, 69, 46, 42, 77, 87, 19, 21, 32, 45, 21, 40},
            {1, 69, 54, 97, 77, 42, 32, 21, 32, 45, 21, 42}});
        double[] scores = {2.031355698903402, 1.8505574862162273, 1.9815092086791992};
        for (int i = 0; i < 3; i++) {
            assertThat(out.get(i).score().orElseThrow()).isCloseTo(scores[i], within(1e-4));
        }
    }

    @Test
    void logProbabilityBeamSearchWithARepetitionPenaltyMatchesThePyTorchReference() {
        CaptionSettings s = settings(CaptionSettings.Strategy.BEAM_SEARCH).beams(4, 1).repetitionPenalty(1.3)
                .beamScores(CaptionSettings.BeamScores.LOG_PROBS).build();
        List<GeneratedTokens> out = generator.generate(ecg, START, TOKENS, s);
        assertThat(tokens(out)).isEqualTo(new int[][] {
            {1, 69, 54, 77, 19, 42, 32, 21, 72, 87, 90, 42},
            {1, 69, 54, 97, 77, 42, 90, 16, 2},
            {1, 69, 54, 97, 77, 42, 32, 21, 72, 87, 45, 42}});
        double[] scores = {-2.2896316846211753, -2.2025939093695746, -2.3080968856811523};
        for (int i = 0; i < 3; i++) {
            assertThat(out.get(i).score().orElseThrow()).isCloseTo(scores[i], within(1e-4));
        }
    }

    @Test
    void everyGreedyTokenIsTheArgmaxOfTheFullForwardPassOverItsPrefix() {
        CaptionSettings s = settings(CaptionSettings.Strategy.GREEDY).seqLen(16).minSeqLen(3).build();
        List<GeneratedTokens> out = generator.generate(ecg, START, TOKENS, s);
        for (int b = 0; b < 3; b += 2) {
            int[] seq = out.get(b).tokens();
            INDArray one = ecg.get(NDArrayIndex.interval(b, b + 1), NDArrayIndex.all(), NDArrayIndex.all());
            // the last token is the end token forced at seq_len
            for (int n = START.length; n < seq.length - 1; n++) {
                // a padding token after the prefix: masked in BERT, dropped from the decoder by the shift
                long[] ids = new long[n + 1];
                for (int i = 0; i < n; i++) {
                    ids[i] = seq[i];
                }
                INDArray logits = model.forward(one, Nd4j.createFromArray(new long[][] {ids})).logits();
                float[] last = logits.get(NDArrayIndex.point(0), NDArrayIndex.point(n - 2), NDArrayIndex.all())
                        .toFloatVector();
                if (n < 3) {
                    last[TOKENS.eos()] = Float.NEGATIVE_INFINITY;
                }
                assertThat(seq[n]).as("ECG %d, token %d", b, n).isEqualTo(NextTokenScores.argmax(last));
            }
        }
    }

    @Test
    void beamSearchWithOneBeamIsGreedyDecodingUpToTheForcedEnd() {
        CaptionSettings greedy = settings(CaptionSettings.Strategy.GREEDY).build();
        CaptionSettings beam = settings(CaptionSettings.Strategy.BEAM_SEARCH).beams(1, 1).build();
        int[][] g = tokens(generator.generate(ecg, START, TOKENS, greedy));
        int[][] b = tokens(generator.generate(ecg, START, TOKENS, beam));
        for (int i = 0; i < 3; i++) {
            // greedy forces the end token at seq_len; beam search stops there with the chosen token
            assertThat(b[i]).hasSize(12);
            assertThat(Arrays.copyOf(b[i], 11)).isEqualTo(Arrays.copyOf(g[i], 11));
            assertThat(g[i][11]).isEqualTo(TOKENS.eos());
        }
    }

    @Test
    void samplingIsDeterministicForASeedAndIndependentOfTheBatch() {
        for (CaptionSettings.Strategy strategy : List.of(CaptionSettings.Strategy.TOP_K, CaptionSettings.Strategy.TOP_P)) {
            CaptionSettings s = settings(strategy).topK(20).topP(0.9).temperature(1.5).seed(7).build();
            int[][] first = tokens(generator.generate(ecg, START, TOKENS, s));
            assertThat(tokens(generator.generate(ecg, START, TOKENS, s))).isEqualTo(first);
            INDArray third = ecg.get(NDArrayIndex.interval(2, 3), NDArrayIndex.all(), NDArrayIndex.all());
            assertThat(generator.generate(third, START, TOKENS, s, 2).get(0).tokens()).isEqualTo(first[2]);
        }
        CaptionSettings topK = settings(CaptionSettings.Strategy.TOP_K).topK(20).seed(7).build();
        assertThat(tokens(generator.generate(ecg, START, TOKENS, topK)))
                .isNotEqualTo(tokens(generator.generate(ecg, START, TOKENS, topK.toBuilder().seed(8).build())));
    }

    @Test
    void fixedOutputLengthPadsToSeqLen() {
        CaptionSettings s = settings(CaptionSettings.Strategy.BEAM_SEARCH).beams(4, 1).repetitionPenalty(1.3)
                .beamScores(CaptionSettings.BeamScores.LOG_PROBS).fixedOutputLength(true).build();
        assertThat(generator.generate(ecg, START, TOKENS, s).get(1).tokens())
                .isEqualTo(new int[] {1, 69, 54, 97, 77, 42, 90, 16, 2, 0, 0, 0});
    }

    @Test
    void refusesStartsTheModelCannotContinue() {
        CaptionSettings s = settings(CaptionSettings.Strategy.GREEDY).build();
        assertThatThrownBy(() -> generator.generate(ecg, new int[] {1}, TOKENS, s))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CLS-pooled");
        assertThatThrownBy(() -> generator.generate(ecg, new int[] {1, 100}, TOKENS, s))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outside the vocabulary");
        assertThatThrownBy(() -> generator.generate(ecg, new int[] {1, 2}, TOKENS, s))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("end token");
        CaptionSettings beam = settings(CaptionSettings.Strategy.BEAM_SEARCH).seqLen(18).build();
        assertThatThrownBy(() -> generator.generate(ecg, START, TOKENS, beam))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("seq_len 18 exceeds the 17 tokens");
        assertThatThrownBy(() -> generator.generate(ecg, START, TOKENS, s.toBuilder().maxSeqLen(18).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("max_seq_len 18 exceeds the 17 tokens");
        assertThatThrownBy(() -> generator.generate(Nd4j.zeros(1, 12, 400), START, TOKENS, s))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[B, 12, 500]");
    }
}
