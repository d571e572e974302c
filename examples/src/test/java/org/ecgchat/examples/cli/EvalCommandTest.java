package org.ecgchat.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code ecg-chat eval} end to end, in-process. */
class EvalCommandTest {
    @TempDir
    Path dir;

    private int run(StringWriter out, StringWriter err, String... args) {
        CommandLine cl = EcgChat.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    @Test
    void writesTablesCurvesAndPageFromCsv() throws Exception {
        Path s = dir.resolve("scores.csv");
        Path y = dir.resolve("labels.csv");
        // class A is scikit-learn's documentation example: AUROC 0.75
        Files.writeString(s, "id,A,B\n1,0.1,0.3\n2,0.4,0.2\n3,0.35,0.9\n4,0.8,0.1\n");
        Files.writeString(y, "id,A,B\n1,0,0\n2,0,1\n3,1,1\n4,1,0\n");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Path o = dir.resolve("out");
        int code = run(out, err, "eval", "--scores", s.toString(), "--labels", y.toString(), "-o", o.toString(),
                "--bootstrap", "20", "--seed", "3");
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("| A | 2 | 2 | 0.7500 |");
        assertThat(o.resolve("classes.csv")).exists();
        assertThat(o.resolve("classes.json")).exists();
        assertThat(o.resolve("classes.md")).exists();
        assertThat(o.resolve("roc.png")).exists();
        assertThat(o.resolve("pr.png")).exists();
        assertThat(Files.readString(o.resolve("report.html"))).contains("<h1>ECG classification</h1>");
    }

    @Test
    void badLabelIsASpecificErrorWithExitCode2() throws Exception {
        Path j = dir.resolve("in.json");
        Files.writeString(j, "{\"classes\":[\"A\"],\"scores\":[[0.1],[0.2]],\"labels\":[[1],[3]]}");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = run(out, err, "eval", "--input", j.toString(), "-o", dir.resolve("o").toString());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("in.json: labels[1][0] (class 'A') is 3.0: expected 0 or 1");
        assertThat(dir.resolve("o")).doesNotExist();
    }
}
