package org.ecgchat.coca.caption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * The decoding loops on hand-made score tables (vocabulary: 0 padding, 1 start, 2 end, 3 A, 4 B,
 * 5 C), with the expected sequences worked out by hand in the comments.
 */
class DecodersTest {

    private static final SpecialTokens TOKENS = new SpecialTokens(1, 2, 0);
    private static final int[] START = {1};
    private static final float NO = -10f;

    private static CaptionSettings.Builder greedy() {
        return CaptionSettings.greedy().toBuilder().seqLen(10).minSeqLen(0);
    }

    private static int[] decode(NextTokenModel model, CaptionSettings s) {
        return SamplingDecoder.decode(model, START, 1, TOKENS, s, new RandomGenerator[] {new SplittableRandom(1)})
                .get(0).tokens();
    }

    /** Whatever came before: end 5, A 3, B 2, C 1 (start 0, padding −1). */
    private static TableModel endFavoured() {
        float[] row = {-1, 0, 5, 3, 2, 1};
        return new TableModel((seq, source) -> row.clone(), 100);
    }

    @Test
    void theEndTokenIsForbiddenBelowTheMinimumLength() {
        // lengths 1, 2, 3 < 4: the end token is removed, A wins; at length 4 the end token wins
        assertThat(decode(endFavoured(), greedy().minSeqLen(4).build())).containsExactly(1, 3, 3, 3, 2);
        assertThat(decode(endFavoured(), greedy().build())).containsExactly(1, 2);
    }

    @Test
    void theRepetitionPenaltyDividesPositiveScoresOfTokensAlreadyThere() {
        // [1]: A 3 → A; [1,3]: A 3/2 = 1.5 < B 2 → B; [1,3,4]: A 1.5 > B 1, C 1 → A; length 4: end 5
        assertThat(decode(endFavoured(), greedy().minSeqLen(4).repetitionPenalty(2).build()))
                .containsExactly(1, 3, 4, 3, 2);
    }

    @Test
    void theEndTokenIsForcedAtSeqLen() {
        float[] row = {NO, NO, NO, 3, 2, 1};
        TableModel model = new TableModel((seq, source) -> row.clone(), 100);
        assertThat(decode(model, greedy().seqLen(4).build())).containsExactly(1, 3, 3, 2);
    }

    @Test
    void theModelSeesOnlyTheLastMaxSeqLenTokens() {
        float[] row = {NO, NO, 9, 3, 2, 1};
        TableModel model = new TableModel((seq, source) -> row.clone(), 100);
        // the window of 3 tokens is also the length the minimum is checked against (as open_clip), so
        // with min_seq_len 5 the end token never becomes possible and is never forced either
        int[] out = decode(model, greedy().seqLen(8).minSeqLen(5).maxSeqLen(3).build());
        assertThat(out).containsExactly(1, 3, 3, 3, 3, 3, 3, 3);
        assertThat(model.calls).extracting(TableModel.Call::length).containsExactly(1, 2, 3, 3, 3, 3, 3);
    }

    @Test
    void finishedSequencesAreNotRunAgainAndLoseTheirPadding() {
        // ECG 0 ends at once; ECG 1 never ends before seq_len
        float[] ends = {NO, NO, 5, 3, 2, 1};
        float[] goesOn = {NO, NO, NO, 3, 2, 1};
        TableModel model = new TableModel((seq, source) -> (source == 0 ? ends : goesOn).clone(), 100);
        CaptionSettings s = greedy().seqLen(5).build();
        List<GeneratedTokens> out = SamplingDecoder.decode(model, START, 2, TOKENS, s,
                new RandomGenerator[] {new SplittableRandom(1), new SplittableRandom(2)});
        assertThat(out.get(0).tokens()).containsExactly(1, 2);
        assertThat(out.get(1).tokens()).containsExactly(1, 3, 3, 3, 2);
        assertThat(model.calls.get(0).sources()).containsExactly(0, 1);
        assertThat(model.calls.subList(1, model.calls.size())).allSatisfy(c -> assertThat(c.sources()).containsExactly(1));
        CaptionSettings fixed = s.toBuilder().fixedOutputLength(true).build();
        assertThat(SamplingDecoder.decode(endFavoured(), START, 1, TOKENS, fixed,
                new RandomGenerator[] {new SplittableRandom(1)}).get(0).tokens()).containsExactly(1, 2, 0, 0, 0);
    }

    @Test
    void beamSearchFindsTheLikelierSequenceGreedyDecodingMisses() {
        // log-probabilities by last token; greedy takes A (0.55) then A (0.4): 0.22;
        // B (0.45) then C (0.9) then the end (0.99) is likelier: 0.401
        float[][] p = new float[6][];
        p[1] = probabilities(0, 0, 0, 0.55, 0.45, 0);
        p[3] = probabilities(0, 0, 0.01, 0.4, 0.3, 0.29);
        p[4] = probabilities(0, 0, 0.01, 0.05, 0.04, 0.9);
        p[5] = probabilities(0, 0, 0.99, 0.004, 0.003, 0.003);
        TableModel model = TableModel.byLastToken(p);
        CaptionSettings s = CaptionSettings.defaults().toBuilder().seqLen(5).minSeqLen(0).beams(2, 1)
                .beamScores(CaptionSettings.BeamScores.LOG_PROBS).build();
        GeneratedTokens best = BeamSearchDecoder.decode(model, START, 1, TOKENS, s).get(0);
        assertThat(best.tokens()).containsExactly(1, 4, 5, 2);
        // sum of log-probabilities over the length with the end token (4 tokens)
        assertThat(best.score().orElseThrow()).isCloseTo((Math.log(0.45) + Math.log(0.9) + Math.log(0.99)) / 4,
                within(1e-5));
        assertThat(SamplingDecoder.decode(model, START, 1, TOKENS, s.toBuilder()
                .strategy(CaptionSettings.Strategy.GREEDY).build(), new RandomGenerator[1]).get(0).tokens())
                .containsExactly(1, 3, 3, 3, 2);
    }

    @Test
    void theDiversityPenaltySendsTheSecondGroupElsewhere() {
        // raw logits (open_clip): after the start A 1.0, B 0.9; after A the end 0.1; after B the end 5.0
        float[][] t = new float[5][];
        t[1] = new float[] {NO, NO, NO, 1.0f, 0.9f};
        t[3] = new float[] {NO, NO, 0.1f, 0, 0};
        t[4] = new float[] {NO, NO, 5.0f, 0, 0};
        CaptionSettings s = CaptionSettings.defaults().toBuilder().seqLen(3).minSeqLen(0).beams(2, 2).build();
        // without diversity both groups take A: [1, A] finishes with (1.0 + 0.1) / 3
        GeneratedTokens same = BeamSearchDecoder.decode(TableModel.byLastToken(t), START, 1, TOKENS, s).get(0);
        assertThat(same.tokens()).containsExactly(1, 3, 2);
        assertThat(same.score().orElseThrow()).isCloseTo(1.1 / 3, within(1e-6));
        // with 0.5, group 2 sees A at 1.0 − 0.5 < B 0.9 and takes B: [1, B] finishes with (0.9 + 5.0) / 3
        GeneratedTokens diverse = BeamSearchDecoder.decode(TableModel.byLastToken(t), START, 1, TOKENS,
                s.toBuilder().diversityPenalty(0.5).build()).get(0);
        assertThat(diverse.tokens()).containsExactly(1, 4, 2);
        assertThat(diverse.score().orElseThrow()).isCloseTo(5.9 / 3, within(1e-6));
    }

    @Test
    void aGroupThatIsDoneIsNotRunAgain() {
        // ECG 0: the end token is best at once; ECG 1: never (until seq_len)
        float[] ends = {NO, NO, 5, 3, 2, 1};
        float[] goesOn = {NO, NO, NO, 3, 2, 1};
        TableModel model = new TableModel((seq, source) -> (source == 0 ? ends : goesOn).clone(), 100);
        CaptionSettings s = CaptionSettings.defaults().toBuilder().seqLen(5).minSeqLen(0).beams(2, 1)
                .earlyStopping(CaptionSettings.EarlyStopping.FIRST).build();
        List<GeneratedTokens> out = BeamSearchDecoder.decode(model, START, 2, TOKENS, s);
        assertThat(out.get(0).tokens()).startsWith(1).endsWith(2);
        assertThat(out.get(1).tokens()).hasSize(5);
        // from the step after ECG 0's group filled up, only ECG 1's two beams are run
        assertThat(model.calls.get(model.calls.size() - 1).sources()).containsExactly(1, 1);
    }

    private static float[] probabilities(double... p) {
        float[] logits = new float[p.length];
        for (int i = 0; i < p.length; i++) {
            logits[i] = (float) Math.log(Math.max(p[i], 1e-9));
        }
        return logits;
    }
}
