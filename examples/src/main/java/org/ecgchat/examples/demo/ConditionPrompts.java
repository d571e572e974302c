package org.ecgchat.examples.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import org.ecgchat.eval.zeroshot.CkepePrompts;
import org.ecgchat.io.synth.Condition;

/**
 * The zero-shot classes of the demo, one per condition the generator labels (named by their
 * PTB-XL SCP codes: SR, SBRAD, STACH, AFIB, 1AVB, CLBBB, CRBBB, STE_, STD_, PVC, LVOLT), and
 * their prompts. A prompt is the condition's statement as the synthetic reports word it, alone
 * (ECG-Chat's CKEPE prompts describe a class in the words of its training reports; here those
 * words are the generator's); the ST statements leave out the lead list the reports append, which
 * differs from record to record. The prompts are in the CKEPE file format
 * ({@code condition_prompts.json}); the model learns single statements through
 * {@link StatementSampledBatches}.
 */
public final class ConditionPrompts {

    private static final String RESOURCE = "condition_prompts.json";

    private ConditionPrompts() {}

    /** The class labels, in score-column order. */
    public static List<String> labels() {
        return Arrays.stream(Condition.values()).map(Condition::scpCode).toList();
    }

    /** The prompt of every label. */
    public static CkepePrompts prompts() {
        try (InputStream in = ConditionPrompts.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing from the class path");
            }
            return CkepePrompts.fromJson(new ObjectMapper().readTree(in), RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** The true labels {@code [records][classes]} (1 when the record has the condition). */
    public static double[][] truth(List<DemoRecord> records) {
        Condition[] conditions = Condition.values();
        double[][] t = new double[records.size()][conditions.length];
        for (int i = 0; i < records.size(); i++) {
            for (int c = 0; c < conditions.length; c++) {
                t[i][c] = records.get(i).diagnosis().has(conditions[c]) ? 1 : 0;
            }
        }
        return t;
    }
}
