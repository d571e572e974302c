package org.ecgchat.io.preprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PreprocessorTest {

    @Test
    void cleanReplacesNanAndInfinitiesByZeroAndKeepsTheRest() {
        double[][] in = {{1.5, Double.NaN, Double.POSITIVE_INFINITY, -2, Double.NEGATIVE_INFINITY}};
        assertThat(Clean.apply(in)[0]).containsExactly(1.5, 0, 0, -2, 0);
        assertThat(in[0][1]).isNaN(); // input untouched
        float[][] f = {{Float.NaN, 3f, Float.NEGATIVE_INFINITY}};
        assertThat(Clean.apply(f)[0]).containsExactly(0f, 3f, 0f);
    }

    @Test
    void normalizeUsesOneMeanAndStdPerLead() {
        Normalize n = new Normalize(new double[] {1, -1}, new double[] {2, 0.5});
        double[][] out = n.apply(new double[][] {{1, 3, 5}, {-1, 0, 1}});
        assertThat(out[0]).containsExactly(0, 1, 2);
        assertThat(out[1]).containsExactly(0, 2, 4);
    }

    @Test
    void normalizeInFloatMatchesFloat32Arithmetic() {
        Normalize n = new Normalize(0.1, 0.3);
        float x = 0.7f;
        assertThat(n.apply(new float[][] {{x}})[0][0]).isEqualTo((x - 0.1f) / 0.3f);
    }

    @Test
    void normalizeRejectsZeroStdAndWrongLeadCount() {
        assertThatThrownBy(() -> new Normalize(0, 0)).hasMessageContaining("std[0]");
        Normalize three = new Normalize(new double[] {0, 0, 0}, new double[] {1, 1, 1});
        assertThatThrownBy(() -> three.apply(new double[2][4]))
                .hasMessageContaining("3 means/stds for an ECG with 2 leads");
    }

    @Test
    void padOrCropPadsZerosAtTheEndOrKeepsTheFirstSamples() {
        assertThat(new PadOrCrop(5).apply(new double[][] {{1, 2, 3}})[0]).containsExactly(1, 2, 3, 0, 0);
        assertThat(new PadOrCrop(2).apply(new double[][] {{1, 2, 3}})[0]).containsExactly(1, 2);
        assertThat(new PadOrCrop(2).apply(new float[][] {{1, 2, 3}})[0]).containsExactly(1f, 2f);
        assertThatThrownBy(() -> new PadOrCrop(0)).hasMessageContaining("length must be positive");
    }

    @Test
    void chainIsReadFromJsonAndWrittenBackUnchanged() {
        String json = "[{\"type\":\"clean\"},{\"type\":\"normalize\",\"mean\":0,\"std\":1},"
                + "{\"type\":\"pad_or_crop\",\"length\":5000}]";
        Preprocessor p = Preprocessor.fromJson(json);
        assertThat(p).isEqualTo(Preprocessor.evaluation(5000));
        assertThat(Preprocessor.fromJson(p.toJson())).isEqualTo(p);
        assertThat(Preprocessor.fromJson("[{\"type\":\"normalize\",\"mean\":[1,2],\"std\":[3,4]}]").steps())
                .containsExactly(new Normalize(new double[] {1, 2}, new double[] {3, 4}));
    }

    @Test
    void readsAChainFromAFileAndNamesTheFileInErrors(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        java.nio.file.Path good = java.nio.file.Files.writeString(dir.resolve("eval.json"),
                Preprocessor.evaluation(5000).toJson());
        assertThat(Preprocessor.read(good)).isEqualTo(Preprocessor.evaluation(5000));
        java.nio.file.Path bad = java.nio.file.Files.writeString(dir.resolve("bad.json"), "[{\"type\":\"clean\"}");
        assertThatThrownBy(() -> Preprocessor.read(bad)).hasMessageStartingWith(bad.toString());
    }

    @Test
    void badJsonNamesTheProblem() {
        assertThatThrownBy(() -> Preprocessor.fromJson("[{\"type\":\"blur\"}]"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("blur");
        assertThatThrownBy(() -> Preprocessor.fromJson("[{\"type\":\"pad_or_crop\"}]"))
                .hasMessageContaining("length");
        assertThatThrownBy(() -> Preprocessor.fromJson("[{\"type\":\"pad_or_crop\",\"length\":10,\"lenght\":3}]"))
                .hasMessageContaining("lenght");
    }

    @Test
    void evaluationChainCleansNormalizesAndPads() {
        float[][] in = {{Float.NaN, 2f, 3f}, {1f, Float.POSITIVE_INFINITY, -1f}};
        float[][] out = Preprocessor.evaluation(4).apply(in, 500);
        assertThat(out[0]).containsExactly(0f, 2f, 3f, 0f);
        assertThat(out[1]).containsExactly(1f, 0f, -1f, 0f);
        EcgSignal s = Preprocessor.evaluation(2).apply(new EcgSignal(new double[][] {{1, 2, 3}}, 500, List.of("II")));
        assertThat(s.samples()[0]).containsExactly(1, 2);
        assertThat(s.leadNames()).containsExactly("II");
        assertThat(s.samplingFrequency()).isEqualTo(500);
    }
}
