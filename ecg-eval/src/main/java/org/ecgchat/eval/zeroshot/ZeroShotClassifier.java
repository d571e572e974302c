package org.ecgchat.eval.zeroshot;

import java.util.List;
import org.ecgchat.eval.EvalInputException;
import org.ecgchat.eval.Embeddings;
import org.ecgchat.eval.classification.ClassificationEvaluator;
import org.ecgchat.eval.classification.MultiLabelData;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Zero-shot scores as the original: {@code sigmoid(logitScale * ecg . prompt)} with both
 * embeddings L2-normalised (open_clip's {@code encode_image}/{@code encode_text} default), where
 * {@code logitScale} is the model's {@code logit_scale.exp()} (1/0.07 at initialisation).
 */
public final class ZeroShotClassifier {
    private ZeroShotClassifier() {
    }

    /**
     * Scores every ECG against every class.
     *
     * @param ecg        ECG embeddings {@code [samples, dim]}
     * @param classes    class prompt embeddings {@code [classes, dim]}
     * @param logitScale the multiplier of the cosine similarity (already exponentiated)
     * @param normalize  L2-normalise both sides first
     * @return sigmoid scores {@code [samples, classes]}
     */
    public static double[][] scores(double[][] ecg, double[][] classes, double logitScale, boolean normalize) {
        Embeddings.check("ecg embeddings", ecg);
        Embeddings.check("class embeddings", classes);
        if (ecg[0].length != classes[0].length) {
            throw new EvalInputException("ecg embeddings have dimension " + ecg[0].length
                    + " but class embeddings have " + classes[0].length);
        }
        if (!(logitScale > 0) || Double.isInfinite(logitScale)) {
            throw new EvalInputException("logit scale must be positive and finite, got " + logitScale);
        }
        double[][] e = normalize ? Embeddings.normalizeRows("ecg embeddings", ecg) : ecg;
        double[][] t = normalize ? Embeddings.normalizeRows("class embeddings", classes) : classes;
        double[][] s = Nd4j.gemm(Embeddings.toIndArray(e), Embeddings.toIndArray(t), false, true).toDoubleMatrix();
        for (double[] row : s) {
            for (int c = 0; c < row.length; c++) {
                double z = logitScale * row[c];
                row[c] = z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
            }
        }
        return s;
    }

    /**
     * Runs a zero-shot evaluation: looks up the CKEPE prompt of every label, embeds the prompts,
     * scores the ECGs and computes the metric table.
     *
     * @param labels  class labels in score-column order (e.g. a set of {@link org.ecgchat.io.dataset.LabelSets})
     * @param truth   true labels {@code [samples, classes]}, 0 or 1
     */
    public static ZeroShotResult run(List<String> labels, CkepePrompts prompts, TextEncoder encoder, double[][] ecg,
                                     double[][] truth, double logitScale, ClassificationEvaluator evaluator) {
        List<String> texts = prompts.promptsFor(labels);
        double[][] classEmbeddings = encoder.encode(texts);
        if (classEmbeddings == null || classEmbeddings.length != labels.size()) {
            throw new EvalInputException("text encoder returned " + (classEmbeddings == null ? 0 : classEmbeddings.length)
                    + " embeddings for " + labels.size() + " prompts");
        }
        double[][] s = scores(ecg, classEmbeddings, logitScale, true);
        MultiLabelData data = MultiLabelData.fromRows(labels, s, truth);
        return new ZeroShotResult(labels, texts, s, evaluator.evaluate(data));
    }
}
