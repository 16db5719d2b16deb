package dev.registry.edit;

import dev.registry.finding.Finding;
import java.util.List;
import java.util.Optional;

/** How a write ended. */
public sealed interface WriteOutcome {

    ChangeSet changes();

    /** Nothing was written: the plan was refused, or the registry after it would have errors. */
    record Refused(ChangeSet changes, List<Finding> findings) implements WriteOutcome {
        public Refused {
            findings = List.copyOf(findings);
        }
    }

    /**
     * {@code --dry-run}: the changes were validated and nothing was written.
     *
     * @param otherErrors errors already in other files, which do not block this change
     */
    record Planned(ChangeSet changes, long otherErrors) implements WriteOutcome {
    }

    /** The files were written, and committed when a committer was given. */
    record Written(ChangeSet changes, Optional<String> commit, long otherErrors) implements WriteOutcome {
    }
}
