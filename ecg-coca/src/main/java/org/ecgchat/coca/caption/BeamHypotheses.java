package org.ecgchat.coca.caption;

import java.util.ArrayList;
import java.util.List;

/**
 * The finished hypotheses of one beam group of one ECG, at most {@code capacity} of the best
 * (Hugging Face's {@code BeamHypotheses}): a hypothesis scores {@code sum / length^lengthPenalty},
 * its length counting the start token and the end token it was finished with.
 */
final class BeamHypotheses {

    /** A finished hypothesis: its tokens (without the end token) and its length-normalised score. */
    record Hypothesis(double score, int[] tokens) {}

    private final int capacity;
    private final double lengthPenalty;
    private final CaptionSettings.EarlyStopping earlyStopping;
    private final int maxLength;
    private final List<Hypothesis> beams = new ArrayList<>();
    private double worst = 1e9;

    BeamHypotheses(int capacity, double lengthPenalty, CaptionSettings.EarlyStopping earlyStopping, int maxLength) {
        this.capacity = capacity;
        this.lengthPenalty = lengthPenalty;
        this.earlyStopping = earlyStopping;
        this.maxLength = maxLength;
    }

    /** Offers a hypothesis with its summed score; it stays if there is room or it beats the worst kept. */
    void add(int[] tokens, double sum, int length) {
        double score = sum / Math.pow(length, lengthPenalty);
        if (beams.size() < capacity || score > worst) {
            beams.add(new Hypothesis(score, tokens));
            if (beams.size() > capacity) {
                int lowest = 0;
                for (int i = 1; i < beams.size(); i++) {
                    if (beams.get(i).score() < beams.get(lowest).score()) {
                        lowest = i;
                    }
                }
                beams.remove(lowest);
                worst = beams.stream().mapToDouble(Hypothesis::score).min().orElseThrow();
            } else {
                worst = Math.min(score, worst);
            }
        }
    }

    /** Whether no running beam, whose best summed score is {@code bestSum} at {@code length}, can still get in. */
    boolean isDone(double bestSum, int length) {
        if (beams.size() < capacity) {
            return false;
        }
        return switch (earlyStopping) {
            case FIRST -> true;
            case HEURISTIC -> worst >= bestSum / Math.pow(length, lengthPenalty);
            case NEVER -> worst >= bestSum / Math.pow(lengthPenalty > 0 ? maxLength : length, lengthPenalty);
        };
    }

    /** The kept hypotheses, in the order they were added. */
    List<Hypothesis> beams() {
        return beams;
    }
}
