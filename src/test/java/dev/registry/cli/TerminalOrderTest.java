package dev.registry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.registry.testing.Registries;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * In a terminal, stdout and stderr are one screen. Main's stdout is buffered (its encoder holds
 * what was printed until a flush) and its stderr flushes every line, so a result printed before a
 * diagnostic must be flushed first or it appears after it. These runs share one screen between a
 * buffered stdout and an autoflushing stderr, as Main sets them up.
 */
class TerminalOrderTest {

    @TempDir
    Path dir;

    private String screen(String... args) {
        StringWriter screen = new StringWriter();
        Main.run(args, new BufferedReader(new StringReader("")), new PrintWriter(new BufferedWriter(screen)), new PrintWriter(screen, true),
                Map.of("NO_COLOR", "1"), dir, false);
        return screen.toString();
    }

    @Test
    void aDryRunShowsTheDiffThenItsSummary() {
        Registries.minimal(dir);
        String screen = screen("register", "--name", "credit-scorer", "--version", "1.0.0", "--provider", "internal",
                "--owner", "team:ml-platform", "--dry-run");
        assertEquals("--- /dev/null\n", screen.lines().findFirst().orElseThrow() + "\n", screen);
        assertEquals("dry run: nothing written; 1 new file would be written", screen.lines().reduce((a, b) -> b).orElseThrow(), screen);
    }

    @Test
    void aWriteShowsWhatItWroteThenTheWarningAboutOtherFiles() {
        Registries.minimal(dir);
        Registries.write(dir, "models/other/1.0.0.yaml", Registries.model("other", "1.0.0") + "colour: red\n");
        String screen = screen("register", "--name", "credit-scorer", "--version", "1.0.0", "--provider", "internal",
                "--owner", "team:ml-platform");
        assertEquals("""
                created models/credit-scorer/1.0.0.yaml
                warning: the registry already has 1 error in other files, unrelated to this change; run `registry validate`
                """, screen);
    }
}
