package dev.registry.cli;

import dev.registry.report.Output;
import dev.registry.report.TextRenderer;
import dev.registry.source.Snapshot;
import java.nio.file.Path;

/**
 * The guard of commands that answer from a whole registry (export, diff, codeowners, list, show,
 * resolve, risk): a card that does not parse would silently be missing from what they write (or
 * another model would be resolved in its place), so they stop instead.
 */
final class Readable {

    private Readable() {
    }

    /** True when every file parsed; otherwise prints the located errors and why the command stops. */
    static boolean check(RegistryCommand root, Path registryRoot, Snapshot snapshot, String what) {
        if (snapshot.readFindings().isEmpty()) {
            return true;
        }
        Output out = root.output(registryRoot, root.out);
        snapshot.readFindings().forEach(f -> {
            root.err.println(TextRenderer.line(f, out));
            if (!f.hint().isEmpty()) {
                root.err.println("    hint: " + f.hint());
            }
        });
        int n = snapshot.readFindings().size();
        root.err.println("registry: error: " + n + (n == 1 ? " file" : " files") + " in the " + snapshot.label()
                + " cannot be read, so " + what + " would leave " + (n == 1 ? "it" : "them") + " out");
        root.err.flush();
        return false;
    }
}
