package org.ecgchat.coca.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ecgchat.nn.tokenize.BasicTokenizer;
import org.ecgchat.nn.tokenize.BertTokenizer;

/**
 * Training data for the fixture's small CoCa (vocabulary 100, 12 leads × 500 samples): a
 * WordPiece vocabulary whose special ids match the fixture ([PAD] 0, [CLS] 1, [SEP] 2) and seeded
 * synthetic ECG/report pairs.
 */
final class TinyData {

    static final String[] WORDS = {"sinus", "rhythm", "normal", "ecg", "atrial", "fibrillation", "left", "right",
        "bundle", "branch", "block", "axis", "deviation", "st", "elevation", "depression", "t", "wave", "inversion",
        "bradycardia", "tachycardia", "borderline", "abnormal", "infarct", "possible", "old", "anterior", "inferior",
        "lateral", "premature", "ventricular", "complexes", "low", "voltage", "qrs", "prolonged", "qt", "pr",
        "interval", "first", "degree", "av", "with", "and", "of", "the", "in", "leads", ",", "."};

    private TinyData() {}

    static BertTokenizer tokenizer(Path dir) throws IOException {
        List<String> vocab = new ArrayList<>(List.of("[PAD]", "[CLS]", "[SEP]", "[UNK]", "[MASK]"));
        vocab.addAll(List.of(WORDS));
        Path file = dir.resolve("vocab.txt");
        Files.write(file, vocab);
        return BertTokenizer.fromVocab(file, BasicTokenizer.UNCASED);
    }

    /** {@code n} pairs: smooth random signals and reports of 3..12 words. */
    static CocaExamples examples(int n, long seed) {
        Random rng = new Random(seed);
        List<CocaExample> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            float[][] ecg = new float[12][500];
            for (float[] lead : ecg) {
                double f = 1 + rng.nextInt(5);
                double phase = rng.nextDouble() * 6;
                for (int t = 0; t < lead.length; t++) {
                    lead[t] = (float) (Math.sin(f * t / 40.0 + phase) + 0.1 * rng.nextGaussian());
                }
            }
            StringBuilder report = new StringBuilder();
            int words = 3 + rng.nextInt(10);
            for (int w = 0; w < words; w++) {
                report.append(WORDS[rng.nextInt(WORDS.length)]).append(' ');
            }
            out.add(new CocaExample(ecg, report.toString().trim()));
        }
        return CocaExamples.of(out);
    }
}
