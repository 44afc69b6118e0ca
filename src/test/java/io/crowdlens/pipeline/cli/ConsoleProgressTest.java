package io.crowdlens.pipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ConsoleProgressTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final ConsoleProgress progress = new ConsoleProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8));

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aFinishedStepSaysHowManyRowsItWrote() {
        progress.started("Counting presence");
        progress.finished("Counting presence", 101_744);

        assertThat(printed()).startsWith("Counting presence ...").contains("Counting presence: done, 101,744 rows in ");
    }

    @Test
    void aStepWhoseEngineGivesNoRowCountSaysOnlyThatItIsDone() {
        progress.started("Looking for duplicate events");
        progress.finished("Looking for duplicate events", -1);

        assertThat(printed()).contains("Looking for duplicate events: done in ").doesNotContain("-1");
    }
}
