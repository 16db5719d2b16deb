package dev.registry.edit;

import dev.registry.check.ValidationReport;
import dev.registry.check.Validator;
import dev.registry.source.CapturedSource;
import dev.registry.source.Snapshot;
import dev.registry.source.SnapshotReader;
import dev.registry.source.WorkingTreeSource;
import java.nio.file.Path;
import java.util.Optional;

/** The working tree as one write plans against it: the captured files and their snapshot. */
public final class RegistryState {

    private final Path root;
    private final CapturedSource files;
    private final Snapshot snapshot;
    private ValidationReport baseline;

    private RegistryState(Path root, CapturedSource files, Snapshot snapshot) {
        this.root = root;
        this.files = files;
        this.snapshot = snapshot;
    }

    /** Reads the registry's working tree. */
    public static RegistryState read(Path root) {
        CapturedSource files = CapturedSource.of(new WorkingTreeSource(root));
        return new RegistryState(root, files, new SnapshotReader().read(files));
    }

    public Path root() {
        return root;
    }

    public Snapshot snapshot() {
        return snapshot;
    }

    public CapturedSource files() {
        return files;
    }

    /** The text of a card that parsed; empty when the file is absent or unreadable. */
    public Optional<String> text(String path) {
        return snapshot.files().containsKey(path) ? files.text(path) : Optional.empty();
    }

    /** Whether anything exists at the path, readable or not. */
    public boolean exists(String path) {
        return files.exists(path);
    }

    /** The validation of the registry as it is, computed once and only when a write needs it. */
    synchronized ValidationReport baseline(Validator validator) {
        if (baseline == null) {
            baseline = validator.validate(snapshot);
        }
        return baseline;
    }
}
