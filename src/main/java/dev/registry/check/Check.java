package dev.registry.check;

import dev.registry.finding.Finding;
import dev.registry.source.Snapshot;
import java.util.List;

/** A pure function from a snapshot to findings. */
@FunctionalInterface
public interface Check {
    List<Finding> run(Snapshot snapshot);
}
