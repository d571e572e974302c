package org.ecgchat.coca.caption;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import java.util.random.RandomGenerator;

/**
 * The token-by-token loop of open_clip's {@code CoCa.generate} for greedy, top-k and top-p
 * decoding. Per step and per unfinished sequence: logits of the last {@code max_seq_len} tokens,
 * the end token forbidden below {@code min_seq_len}, the repetition penalty, then the greedy choice
 * or the top-k / top-p filter and a draw from {@code softmax(logits / temperature)}; at length
 * {@code seq_len − 1} the end token is forced. A sequence is finished once it ends with the end
 * token or the padding (finished sequences are not run through the model again); the loop stops when
 * all are finished or the length reaches {@code seq_len}.
 */
final class SamplingDecoder {

    private SamplingDecoder() {}

    /**
     * Decodes one sequence per source, each starting with {@code start}.
     *
     * @param random one generator per source (used by top-k and top-p only)
     */
    static List<GeneratedTokens> decode(NextTokenModel model, int[] start, int sources, SpecialTokens tokens,
            CaptionSettings settings, RandomGenerator[] random) {
        int seqLen = settings.seqLen();
        int window = Decoding.window(settings, model);
        Decoding.checkStart(start, tokens, seqLen);
        int[][] out = new int[sources][seqLen];
        for (int[] row : out) {
            System.arraycopy(start, 0, row, 0, start.length);
        }
        int length = start.length;
        float penalty = (float) settings.repetitionPenalty();
        while (true) {
            int from = Math.max(0, length - window);
            int current = length - from;
            List<Integer> alive = new ArrayList<>();
            for (int r = 0; r < sources; r++) {
                int last = out[r][length - 1];
                if (last != tokens.eos() && last != tokens.pad()) {
                    alive.add(r);
                }
            }
            if (alive.isEmpty() && !settings.fixedOutputLength()) {
                break;
            }
            int[] next = new int[sources];
            Arrays.fill(next, tokens.pad());
            if (!alive.isEmpty()) {
                int[][] sequences = new int[alive.size()][];
                int[] rows = new int[alive.size()];
                for (int i = 0; i < rows.length; i++) {
                    rows[i] = alive.get(i);
                    sequences[i] = Arrays.copyOfRange(out[rows[i]], from, length);
                }
                float[][] logits = model.nextTokenLogits(sequences, rows);
                for (int i = 0; i < rows.length; i++) {
                    float[] l = logits[i];
                    NextTokenScores.minLength(l, current, settings.minSeqLen(), tokens.eos());
                    NextTokenScores.repetitionPenalty(l, sequences[i], penalty);
                    next[rows[i]] = current + 1 == seqLen ? tokens.eos() : choose(l, settings, random[rows[i]]);
                }
            }
            for (int r = 0; r < sources; r++) {
                out[r][length] = next[r];
            }
            length++;
            if (length >= seqLen) {
                break;
            }
        }
        List<GeneratedTokens> result = new ArrayList<>(sources);
        for (int[] row : out) {
            result.add(new GeneratedTokens(Decoding.finish(row, length, start.length, tokens, settings), OptionalDouble.empty()));
        }
        return result;
    }

    private static int choose(float[] logits, CaptionSettings settings, RandomGenerator random) {
        switch (settings.strategy()) {
            case GREEDY:
                return NextTokenScores.argmax(logits);
            case TOP_K:
                NextTokenScores.topK(logits, settings.topK());
                return NextTokenScores.sample(logits, settings.temperature(), random);
            case TOP_P:
                NextTokenScores.topP(logits, settings.topP());
                return NextTokenScores.sample(logits, settings.temperature(), random);
            default:
                throw new IllegalArgumentException(settings.strategy() + " is not a sampling strategy");
        }
    }
}
