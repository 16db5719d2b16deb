package dev.registry.check;

import dev.registry.finding.Finding;
import dev.registry.source.Snapshot;
import java.util.List;
import java.util.function.Predicate;

/** A pure function from a snapshot to findings. */
@FunctionalInterface
public interface Check {
    List<Finding> run(Snapshot snapshot);

    /**
     * The findings about the files {@code wanted} accepts, and any others it cannot tell apart
     * from them. Cross-file checks need the whole snapshot anyway; a check of one file at a time
     * overrides this to look only at the wanted files.
     */
    default List<Finding> run(Snapshot snapshot, Predicate<String> wanted) {
        return run(snapshot);
    }
}
