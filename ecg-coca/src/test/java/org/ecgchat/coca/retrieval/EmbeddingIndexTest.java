package org.ecgchat.coca.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.ecgchat.nn.checkpoint.CheckpointFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Exact cosine top-k against a brute-force sort, and the safetensors + JSON files. */
class EmbeddingIndexTest {

    private static double[][] random(int rows, int dim, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] m = new double[rows][dim];
        for (double[] row : m) {
            for (int j = 0; j < dim; j++) {
                row[j] = r.nextDouble(-1, 1);
            }
        }
        return m;
    }

    private static EmbeddingIndex index(double[][] e) {
        List<String> ids = IntStream.range(0, e.length).mapToObj(i -> "r" + i).toList();
        List<String> texts = IntStream.range(0, e.length).mapToObj(i -> "report " + i).toList();
        return EmbeddingIndex.of(EmbeddingIndex.Kind.REPORTS, ids, texts, Nd4j.createFromArray(e));
    }

    private static double cosine(double[] a, double[] b) {
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < a.length; i++) {
            ab += a[i] * b[i];
            aa += a[i] * a[i];
            bb += b[i] * b[i];
        }
        return ab / Math.sqrt(aa * bb);
    }

    @Test
    void searchReturnsTheKMostSimilarInOrder() {
        double[][] items = random(500, 16, 1);
        double[][] queries = random(7, 16, 2);
        List<List<Match>> found = index(items).search(Nd4j.createFromArray(queries), 10);
        for (int q = 0; q < queries.length; q++) {
            double[] query = queries[q];
            List<Integer> order = new ArrayList<>(IntStream.range(0, items.length).boxed().toList());
            order.sort(Comparator.comparingDouble(i -> -cosine(query, items[i])));
            assertThat(found.get(q)).extracting(Match::index).containsExactlyElementsOf(order.subList(0, 10));
            for (Match m : found.get(q)) {
                assertThat(m.score()).isCloseTo(cosine(query, items[m.index()]), within(1e-5));
                assertThat(m.id()).isEqualTo("r" + m.index());
                assertThat(m.text()).isEqualTo("report " + m.index());
            }
        }
    }

    @Test
    void equalScoresKeepIndexOrderAndKIsCappedByTheSize() {
        double[][] items = {{1, 0}, {0, 1}, {2, 0}, {1, 0}};
        List<Match> found = index(items).search(Nd4j.createFromArray(new double[][] {{3, 0}}), 10).get(0);
        assertThat(found).extracting(Match::index).containsExactly(0, 2, 3, 1);
    }

    @Test
    void savesAndLoadsBothFiles(@TempDir Path tmp) throws IOException {
        EmbeddingIndex index = index(random(20, 8, 3));
        index.save(tmp.resolve("reports"));
        assertThat(tmp.resolve("reports.json")).exists();
        assertThat(tmp.resolve("reports.safetensors")).exists();
        EmbeddingIndex loaded = EmbeddingIndex.load(tmp.resolve("reports.json"));
        assertThat(loaded.kind()).isEqualTo(EmbeddingIndex.Kind.REPORTS);
        assertThat(loaded.ids()).isEqualTo(index.ids());
        assertThat(loaded.texts()).isEqualTo(index.texts());
        assertThat(loaded.embeddings().toFloatMatrix()).isEqualTo(index.embeddings().toFloatMatrix());
        try (var files = Files.list(tmp)) {
            assertThat(files).hasSize(2);
        }
    }

    @Test
    void refusesFilesThatDoNotBelongTogether(@TempDir Path tmp) throws IOException {
        index(random(5, 4, 4)).save(tmp.resolve("a"));
        index(random(5, 4, 5)).save(tmp.resolve("b"));
        Files.copy(tmp.resolve("b.safetensors"), tmp.resolve("a.safetensors"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThatThrownBy(() -> EmbeddingIndex.load(tmp.resolve("a.json")))
                .isInstanceOf(CheckpointFormatException.class).hasMessageContaining("keys differ");
        Files.writeString(tmp.resolve("c.json"), "{\"format\": \"ecg-chat-embedding-index\", \"kind\": \"reports\","
                + " \"count\": 2, \"dimension\": 4, \"items\": [{\"id\": \"x\", \"text\": \"y\"}]}");
        assertThatThrownBy(() -> EmbeddingIndex.load(tmp.resolve("c.json")))
                .isInstanceOf(CheckpointFormatException.class).hasMessageContaining("c.json").hasMessageContaining("items");
    }

    @Test
    void refusesBadEmbeddingsAndQueries() {
        INDArray zeroRow = Nd4j.createFromArray(new double[][] {{1, 0}, {0, 0}});
        assertThatThrownBy(() -> EmbeddingIndex.of(EmbeddingIndex.Kind.ECGS, List.of("a", "b"), List.of("", ""), zeroRow))
                .hasMessageContaining("embeddings[1] is the zero vector");
        assertThatThrownBy(() -> EmbeddingIndex.of(EmbeddingIndex.Kind.ECGS, List.of("a"), List.of(""), zeroRow))
                .hasMessageContaining("2 embeddings but 1 ids");
        EmbeddingIndex index = index(random(3, 4, 6));
        assertThatThrownBy(() -> index.search(Nd4j.ones(1, 5), 1)).hasMessageContaining("expected [Q, 4]");
    }
}
