package dev.registry.source;

import java.util.List;

/**
 * Where a snapshot's files come from: the working tree, the git index or a commit. Sources list
 * only files inside the registry root that the layout cares about.
 */
public interface Source {

    /** How the source reads in messages: "working tree", "index", "commit 1a2b3c4". */
    String label();

    /** The registry files, sorted by path. Throws {@link dev.registry.EnvironmentException} when unreadable. */
    List<SourceEntry> entries();
}
