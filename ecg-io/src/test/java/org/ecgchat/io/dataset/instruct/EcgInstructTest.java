package org.ecgchat.io.dataset.instruct;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ecgchat.io.dataset.DatasetFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ECG-Instruct JSON reads, writes back whole, and names the entry of every problem. */
class EcgInstructTest {
    @TempDir
    Path dir;

    private static final String TWO = """
            [
              {"id": "40689238_diag", "ecg": "files/p1000/p10000032/s40689238/40689238",
               "conversations": [
                 {"from": "human", "value": "<ecg>\\nWhat is the diagnosis?"},
                 {"from": "gpt", "value": "Sinus rhythm."},
                 {"from": "human", "value": "Is the QRS wide?"},
                 {"from": "gpt", "value": "No."}],
               "source": "mimic", "weight": [1, 2]},
              {"id": 17, "conversations": [{"from": "human", "value": "What is an ECG?"}, {"from": "gpt", "value": "A record."}]}
            ]
            """;

    @Test
    void readsEntriesWithExtraFieldsAndWritesThemBackWhole() throws IOException {
        Path f = Files.writeString(dir.resolve("instruct.json"), TWO);
        List<InstructionEntry> entries = EcgInstruct.read(f);
        assertThat(entries).hasSize(2);
        InstructionEntry a = entries.get(0);
        assertThat(a.id()).isEqualTo("40689238_diag");
        assertThat(a.ecg()).contains("files/p1000/p10000032/s40689238/40689238");
        assertThat(a.conversations()).hasSize(4).first().isEqualTo(Turn.human("<ecg>\nWhat is the diagnosis?"));
        assertThat(a.extra()).containsOnlyKeys("source", "weight");
        assertThat(entries.get(1).id()).isEqualTo("17");
        assertThat(entries.get(1).ecg()).isEmpty();
        Path copy = dir.resolve("copy.json");
        EcgInstruct.write(copy, entries);
        assertThat(EcgInstruct.read(copy)).isEqualTo(entries);
        assertThat(Files.readString(copy)).contains("\"source\" : \"mimic\"");
    }

    private DatasetFormatException readError(String json) throws IOException {
        Path f = Files.writeString(dir.resolve("bad.json"), json);
        try {
            EcgInstruct.read(f);
        } catch (DatasetFormatException e) {
            return e;
        }
        throw new AssertionError("no error for " + json);
    }

    private static String entry(String id, String ecg, String... turns) {
        StringBuilder sb = new StringBuilder("{\"id\": \"" + id + "\"" + (ecg == null ? "" : ", \"ecg\": \"" + ecg + "\"")
                + ", \"conversations\": [");
        for (int i = 0; i < turns.length; i++) {
            sb.append(i > 0 ? "," : "").append("{\"from\": \"").append(i % 2 == 0 ? "human" : "gpt")
                    .append("\", \"value\": \"").append(turns[i]).append("\"}");
        }
        return sb.append("]}").toString();
    }

    @Test
    void placeholderProblemsNameTheEntryIndex() throws IOException {
        String ok = entry("a", "r/1", "<ecg> hi", "ok");
        assertThat(readError("[" + ok + ",\n" + ok + ",\n" + entry("c", "r/3", "<ecg><ecg> hi", "ok") + "]").getMessage())
                .contains("bad.json: entry 2 (line 3): id c: 2 <ecg> placeholders, expected 1");
        assertThat(readError("[" + entry("d", "r/4", "hi", "ok") + "]").getMessage())
                .contains("entry 0 (line 1): id d: 0 <ecg> placeholders, expected 1 (the entry has an ecg)");
        assertThat(readError("[" + entry("e", null, "<ecg> hi", "ok") + "]").getMessage())
                .contains("1 <ecg> placeholders, expected 0 (the entry has no ecg)");
        assertThat(readError("[" + entry("f", "r/1", "hi", "<ecg> ok") + "]").getMessage())
                .contains("conversations[1] (gpt) holds the <ecg> placeholder");
    }

    @Test
    void structuralProblemsNameTheEntry() throws IOException {
        assertThat(readError("[{\"id\": \"x\", \"ecg\": \"r\", \"conversations\": [{\"from\": \"gpt\", \"value\": \"<ecg>\"}]}]")
                .getMessage()).contains("conversations[0] is from 'gpt', expected 'human'");
        assertThat(readError("[" + entry("g", "/abs/r", "<ecg>", "x") + "]").getMessage())
                .contains("ecg '/abs/r' is not a relative record path");
        assertThat(readError("[" + entry("h", "../r", "<ecg>", "x") + "]").getMessage()).contains("climbs out");
        assertThat(readError("[{\"id\": \"i\", \"ecg\": \"r\"}]").getMessage())
                .contains("entry 0 (line 1): field 'conversations' must be an array");
        assertThat(readError("[{\"ecg\": \"r\", \"conversations\": []}]").getMessage()).contains("field 'id'");
        assertThat(readError("[{\"id\": \"j\", \"conversations\": [{\"from\": \"human\"}]}]").getMessage())
                .contains("conversations[0] must be an object with exactly the string fields 'from' and 'value'");
        assertThat(readError("{\"id\": 1}").getMessage()).contains("expected a JSON array of entries");
        assertThat(readError("[\n" + entry("k", "r", "<ecg>", "x") + ",\n{\"id\": }]").getMessage())
                .contains("line 3: not valid JSON");
    }

    @Test
    void writingAnInvalidEntryNamesItsIndex() {
        InstructionEntry good = InstructionEntry.of("a", "r", List.of(Turn.human("<ecg> q"), Turn.gpt("a")));
        InstructionEntry bad = InstructionEntry.of("b", "r", List.of(Turn.human("q"), Turn.gpt("a")));
        assertThatThrownBy(() -> EcgInstruct.write(dir.resolve("o.json"), List.of(good, bad)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("entry 1 (id b): 0 <ecg> placeholders");
        assertThat(dir.resolve("o.json")).doesNotExist();
    }
}
