package org.ecgchat.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.ecgchat.coca.train.CocaBatch;
import org.ecgchat.coca.train.CocaExample;
import org.ecgchat.nn.tokenize.BertTokenizer;
import org.ecgchat.nn.tokenize.WordPieceVocabularyBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Training reports are whole or a random, ordered, non-empty subset of their statements, the same on every call. */
class StatementSampledBatchesTest {

    static final String REPORT = "sinus rhythm. pr interval is prolonged. first degree av block. left bundle branch block.";
    static final List<String> REPORTS = List.of(REPORT, "sinus rhythm. normal ecg.", "atrial fibrillation.",
            "premature ventricular contraction(s). sinus bradycardia.");

    static List<CocaExample> examples() {
        List<CocaExample> out = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            out.add(new CocaExample(new float[][] {{i, i + 0.5f}}, REPORTS.get(i % REPORTS.size())));
        }
        return out;
    }

    static BertTokenizer tokenizer;

    @BeforeAll
    static void vocabulary(@TempDir Path dir) throws IOException {
        Path vocab = dir.resolve("vocab.txt");
        WordPieceVocabularyBuilder.writeVocabTxt(WordPieceVocabularyBuilder.uncased().build(REPORTS), vocab);
        tokenizer = BertTokenizer.load(vocab);
    }

    static BertTokenizer tokenizer() {
        return tokenizer;
    }

    @Test
    void statementsAreTheReportsSentences() {
        assertThat(StatementSampledBatches.statements(REPORT)).containsExactly("sinus rhythm.", "pr interval is prolonged.",
                "first degree av block.", "left bundle branch block.");
        assertThat(StatementSampledBatches.statements(" atrial fibrillation. ")).containsExactly("atrial fibrillation.");
        assertThat(StatementSampledBatches.statements("st segments are elevated in v1,2, avf."))
                .containsExactly("st segments are elevated in v1,2, avf.");
    }

    @Test
    void aShareOfReportsIsCutToOrderedSubsetsOfTheirStatements() {
        StatementSampledBatches half = new StatementSampledBatches(examples(), tokenizer(), 32, 4, 7, 0.5);
        List<String> statements = StatementSampledBatches.statements(REPORT);
        int whole = 0;
        Set<String> seen = new HashSet<>();
        for (int epoch = 0; epoch < 400; epoch++) {
            String r = half.report(REPORT, epoch, 3);
            assertThat(half.report(REPORT, epoch, 3)).as("same epoch and example, same report").isEqualTo(r);
            seen.add(r);
            if (r.equals(REPORT)) {
                whole++;
            }
            List<String> kept = StatementSampledBatches.statements(r);
            assertThat(kept).isNotEmpty().isSubsetOf(statements);
            // in the report's order
            assertThat(kept).isEqualTo(statements.stream().filter(kept::contains).toList());
        }
        // whole with probability 1/2 + 1/2 * 1/15 (the subset that keeps all four statements)
        assertThat(whole).isBetween(190, 250);
        // every non-empty subset (15 of them) turns up
        assertThat(seen).hasSize(15).contains("sinus rhythm.", "left bundle branch block.");
        // a one-statement report is always whole
        assertThat(half.report("atrial fibrillation.", 5, 2)).isEqualTo("atrial fibrillation.");
    }

    @Test
    void theShareOfWholeReportsIsHonouredAtItsEnds() {
        StatementSampledBatches all = new StatementSampledBatches(examples(), tokenizer(), 32, 4, 7, 1.0);
        StatementSampledBatches none = new StatementSampledBatches(examples(), tokenizer(), 32, 4, 7, 0.0);
        int whole = 0;
        for (int epoch = 0; epoch < 300; epoch++) {
            assertThat(all.report(REPORT, epoch, 1)).isEqualTo(REPORT);
            // with no whole reports drawn, a two-statement report is whole only as the subset of both (1 in 3)
            if (none.report("sinus rhythm. normal ecg.", epoch, 1).equals("sinus rhythm. normal ecg.")) {
                whole++;
            }
        }
        assertThat(whole).isBetween(70, 130);
        assertThatThrownBy(() -> new StatementSampledBatches(examples(), tokenizer(), 32, 4, 7, 1.5))
                .hasMessageContaining("[0, 1], was 1.5");
    }

    @Test
    void aBatchIsTheSameWheneverItIsAskedFor() {
        StatementSampledBatches batches = new StatementSampledBatches(examples(), tokenizer(), 32, 4, 11, 0.5);
        assertThat(batches.batchesPerEpoch()).isEqualTo(2);
        CocaBatch a = batches.batch(3, 1);
        CocaBatch b = new StatementSampledBatches(examples(), tokenizer(), 32, 4, 11, 0.5).batch(3, 1);
        assertThat(b.ecg()).isEqualTo(a.ecg());
        assertThat(b.text()).isEqualTo(a.text());
        assertThat(a.size()).isEqualTo(4);
        assertThatThrownBy(() -> batches.batch(0, 2)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
