package dev.registry.git;

import java.time.Instant;
import org.eclipse.jgit.revwalk.RevCommit;

/** JGit commits as {@link CommitInfo}. */
final class Commits {

    private Commits() {
    }

    static CommitInfo info(RevCommit c) {
        return new CommitInfo(c.name(), Instant.ofEpochSecond(c.getCommitTime()),
                c.getAuthorIdent() == null ? "" : c.getAuthorIdent().getEmailAddress(), c.getShortMessage());
    }
}
