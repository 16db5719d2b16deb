package dev.registry.git;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

/** JGit commits as {@link CommitInfo}: the one place that builds them. */
final class Commits {

    private Commits() {
    }

    static CommitInfo info(RevCommit c) {
        PersonIdent a = c.getAuthorIdent();
        PersonIdent m = c.getCommitterIdent();
        return new CommitInfo(c.name(), a.getName(), a.getEmailAddress(), at(a), m.getEmailAddress(), at(m),
                c.getShortMessage(), Arrays.stream(c.getParents()).map(RevCommit::name).toList());
    }

    private static OffsetDateTime at(PersonIdent who) {
        return OffsetDateTime.ofInstant(Instant.ofEpochSecond(who.getWhenAsInstant().getEpochSecond()), who.getZoneId());
    }
}
