package org.ecgchat.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.ecgchat.examples.cli.EcgChat;
import org.ecgchat.io.wfdb.Wfdb;
import org.ecgchat.io.wfdb.WfdbRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The shipped demo record is exactly what {@link DemoRecord} makes, and the CLI reads it. */
class DemoRecordTest {
    private static final Path SHIPPED = Path.of("src/main/resources/records");

    @Test
    void shippedFilesAreTheGeneratedOnes(@TempDir Path dir) throws Exception {
        Wfdb.write(dir, DemoRecord.make());
        for (String f : new String[] {"demo.hea", "demo.dat"}) {
            assertThat(Files.readAllBytes(SHIPPED.resolve(f))).as(f).isEqualTo(Files.readAllBytes(dir.resolve(f)));
        }
    }

    @Test
    void demoHasTwoLeadsOfRealisticAmplitude() throws Exception {
        WfdbRecord r = Wfdb.read(SHIPPED.resolve("demo"));
        assertThat(r.signalNames()).containsExactly("I", "II");
        assertThat(r.length()).isEqualTo(1000);
        double max = 0;
        for (double v : r.physical(1)) {
            max = Math.max(max, v);
        }
        assertThat(max).isBetween(1.0, 1.5);
    }

    @Test
    void rdsampReadsIt() {
        java.io.StringWriter out = new java.io.StringWriter();
        CommandLine cli = EcgChat.commandLine();
        cli.setOut(new java.io.PrintWriter(out));
        int exit = cli.execute("rdsamp", "-r", SHIPPED.resolve("demo").toString(), "-t", "s3", "-v");
        assertThat(exit).isZero();
        assertThat(out.toString()).startsWith("       sample #\t      I\t     II\n").hasLineCount(4);
    }
}
