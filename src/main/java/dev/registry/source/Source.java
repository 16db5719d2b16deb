package dev.registry.source;

import dev.registry.EnvironmentException;
import java.io.IOException;
import java.util.List;

/**
 * Where a snapshot's files come from: the working tree, the git index or a commit. Sources list
 * only files inside the registry root that the layout cares about.
 */
public interface Source {

    /** How the source reads in messages: "working tree", "index", "commit 1a2b3c4". */
    String label();

    /** The registry files, sorted by path. Throws {@link EnvironmentException} when unreadable. */
    List<SourceEntry> entries();

    /**
     * The bytes of some of its entries, in their order: each entry's own content, read in
     * parallel. A source that reads many entries faster at once (git, in one process) does so.
     * Throws {@link EnvironmentException} when one cannot be read.
     */
    default List<byte[]> read(List<SourceEntry> entries) {
        return dev.registry.Parallel.map(entries, e -> {
            try {
                return e.content().read();
            } catch (IOException ex) {
                throw new EnvironmentException("cannot read " + e.path() + ": " + ex.getMessage(), ex);
            }
        });
    }
}
