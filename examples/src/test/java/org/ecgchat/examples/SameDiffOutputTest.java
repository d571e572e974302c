package org.ecgchat.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SameDiffOutputTest {

    @Test
    void dropsOnlyTheGradientBuildingLinesAndRestoresStandardOutput() throws IOException {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        try {
            int result = SameDiffOutput.quietly(() -> {
                System.out.println("Added differentiated op matmul_3");
                System.out.println("step 1 loss 2.5");
                System.out.print("Added differentiated op add");
                System.out.println("_1");
                System.out.println("Added: not SameDiff's");
                System.out.print("partial line");
                return 42;
            });
            assertThat(result).isEqualTo(42);
            assertThat(System.out).isSameAs(capture);
        } finally {
            System.setOut(original);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8))
                .isEqualTo("step 1 loss 2.5\nAdded: not SameDiff's\npartial line");
    }
}
