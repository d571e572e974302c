package org.ecgchat.coca.caption;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import org.ecgchat.coca.TopScores;

/**
 * open_clip's {@code _generate_beamsearch}: Hugging Face's group beam search with its
 * {@code BeamSearchScorer}. Each ECG has {@code num_beams} beams in {@code num_beam_groups} groups
 * of {@code size}; only the first beam of each group starts at score 0 (the others at −10⁹). Per
 * step and group, each beam's next-token scores are processed (log-softmax if requested, Hamming
 * diversity against the tokens the earlier groups chose at this step, minimum length, repetition
 * penalty) and added to the beam's score; of the best {@code 2·size} continuations, end tokens
 * ranked within the first {@code size} finish a hypothesis and the best {@code size} others continue.
 * A group stops per {@code early_stopping}; decoding stops when every group has or the length reaches
 * {@code seq_len}. The best hypothesis over all groups wins; the end token is appended when shorter
 * than {@code seq_len}. Groups that have stopped are not run through the model again.
 */
final class BeamSearchDecoder {

    private static final float UNREACHED = -1e9f;

    private BeamSearchDecoder() {}

    /** Decodes the best sequence for each of {@code sources} ECGs, each beam starting with {@code start}. */
    static List<GeneratedTokens> decode(NextTokenModel model, int[] start, int sources, SpecialTokens tokens,
            CaptionSettings settings) {
        int seqLen = settings.seqLen();
        if (seqLen > model.maxSequenceLength()) {
            throw new IllegalArgumentException("seq_len " + seqLen + " exceeds the " + model.maxSequenceLength()
                    + " tokens the model's decoder accepts");
        }
        Decoding.checkStart(start, tokens, seqLen);
        int beams = settings.numBeams();
        int groups = settings.numBeamGroups();
        int size = beams / groups;
        int rows = sources * beams;
        int[][] ids = new int[rows][];
        float[] scores = new float[rows];
        for (int r = 0; r < rows; r++) {
            ids[r] = Arrays.copyOf(start, seqLen);
            scores[r] = r % beams % size == 0 ? 0f : UNREACHED;
        }
        BeamHypotheses[] finished = new BeamHypotheses[sources * groups];
        for (int i = 0; i < finished.length; i++) {
            finished[i] = new BeamHypotheses(size, settings.lengthPenalty(), settings.earlyStopping(), seqLen);
        }
        boolean[] done = new boolean[sources * groups];
        float repetition = (float) settings.repetitionPenalty();
        float diversity = (float) settings.diversityPenalty();
        int length = start.length;
        while (true) {
            float[][] logits = runningLogits(model, ids, length, done, beams, size, groups);
            int[] current = new int[rows];
            for (int g = 0; g < groups; g++) {
                for (int b = 0; b < sources; b++) {
                    int group = b * groups + g;
                    int base = b * beams + g * size;
                    if (done[group]) {
                        Arrays.fill(current, base, base + size, tokens.pad());
                        Arrays.fill(scores, base, base + size, 0f);
                        continue;
                    }
                    float[][] candidates = new float[size][];
                    for (int i = 0; i < size; i++) {
                        int r = base + i;
                        float[] l = logits[r];
                        if (settings.beamScores() == CaptionSettings.BeamScores.LOG_PROBS) {
                            NextTokenScores.logSoftmax(l);
                        }
                        if (diversity > 0 && g > 0) {
                            NextTokenScores.diversity(l, Arrays.copyOfRange(current, b * beams, base), g * size, diversity);
                        }
                        NextTokenScores.minLength(l, length, settings.minSeqLen(), tokens.eos());
                        NextTokenScores.repetitionPenalty(l, Arrays.copyOf(ids[r], length), repetition);
                        for (int v = 0; v < l.length; v++) {
                            l[v] += scores[r];
                        }
                        candidates[i] = l;
                    }
                    int[] best = best(candidates, 2 * size);
                    int vocabulary = candidates[0].length;
                    int kept = 0;
                    int[] keptBeam = new int[size];
                    int[] keptToken = new int[size];
                    float[] keptScore = new float[size];
                    for (int rank = 0; rank < best.length && kept < size; rank++) {
                        int beam = best[rank] / vocabulary;
                        int token = best[rank] % vocabulary;
                        float score = candidates[beam][token];
                        if (token == tokens.eos()) {
                            if (rank < size) {
                                finished[group].add(Arrays.copyOf(ids[base + beam], length), score, length + 1);
                            }
                        } else {
                            keptBeam[kept] = beam;
                            keptToken[kept] = token;
                            keptScore[kept] = score;
                            kept++;
                        }
                    }
                    if (kept < size) {
                        throw new IllegalStateException("only " + kept + " of the best " + best.length
                                + " continuations are not the end token; a vocabulary of " + vocabulary
                                + " tokens is too small for " + size + " beams per group");
                    }
                    float top = candidates[best[0] / vocabulary][best[0] % vocabulary];
                    done[group] = finished[group].isDone(top, length + 1);
                    int[][] next = new int[size][];
                    for (int i = 0; i < size; i++) {
                        next[i] = ids[base + keptBeam[i]].clone();
                        next[i][length] = keptToken[i];
                    }
                    for (int i = 0; i < size; i++) {
                        ids[base + i] = next[i];
                        scores[base + i] = keptScore[i];
                        current[base + i] = keptToken[i];
                    }
                }
            }
            length++;
            if (allTrue(done) || length >= seqLen) {
                break;
            }
        }
        List<GeneratedTokens> result = new ArrayList<>(sources);
        for (int b = 0; b < sources; b++) {
            BeamHypotheses.Hypothesis winner = null;
            for (int g = 0; g < groups; g++) {
                int group = b * groups + g;
                if (!done[group]) {
                    for (int i = 0; i < size; i++) {
                        int r = b * beams + g * size + i;
                        finished[group].add(Arrays.copyOf(ids[r], length), scores[r], length);
                    }
                }
                for (BeamHypotheses.Hypothesis h : finished[group].beams()) {
                    // ties go to the later candidate, as Python's stable sort followed by pop()
                    if (winner == null || h.score() >= winner.score()) {
                        winner = h;
                    }
                }
            }
            int[] hypothesis = winner.tokens();
            int[] row = Arrays.copyOf(hypothesis, hypothesis.length + (hypothesis.length < seqLen ? 1 : 0));
            if (hypothesis.length < seqLen) {
                row[hypothesis.length] = tokens.eos();
            }
            result.add(new GeneratedTokens(Decoding.finish(row, row.length, start.length, tokens, settings),
                    OptionalDouble.of(winner.score())));
        }
        return result;
    }

    /** Logits of every beam whose group is still running ({@code null} rows for the others). */
    private static float[][] runningLogits(NextTokenModel model, int[][] ids, int length, boolean[] done, int beams,
            int size, int groups) {
        List<Integer> running = new ArrayList<>();
        for (int r = 0; r < ids.length; r++) {
            int b = r / beams;
            int g = r % beams / size;
            if (!done[b * groups + g]) {
                running.add(r);
            }
        }
        int[][] sequences = new int[running.size()][];
        int[] sources = new int[running.size()];
        for (int i = 0; i < sequences.length; i++) {
            sequences[i] = Arrays.copyOf(ids[running.get(i)], length);
            sources[i] = running.get(i) / beams;
        }
        float[][] some = model.nextTokenLogits(sequences, sources);
        float[][] all = new float[ids.length][];
        for (int i = 0; i < sequences.length; i++) {
            all[running.get(i)] = some[i];
        }
        return all;
    }

    /**
     * The {@code count} best candidates over all beams as flat indices {@code beam · vocabulary + token},
     * best first, equal scores in index order.
     */
    private static int[] best(float[][] candidates, int count) {
        int vocabulary = candidates[0].length;
        float[] all = new float[Math.multiplyExact(candidates.length, vocabulary)];
        for (int beam = 0; beam < candidates.length; beam++) {
            System.arraycopy(candidates[beam], 0, all, beam * vocabulary, vocabulary);
        }
        return TopScores.select(all, 0, all.length, count);
    }

    private static boolean allTrue(boolean[] flags) {
        for (boolean f : flags) {
            if (!f) {
                return false;
            }
        }
        return true;
    }
}
