package dev.registry.git;

import dev.registry.EnvironmentException;
import dev.registry.UsageException;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * A moment in a registry's history as the user wrote it: a git revision ({@code v1.2}, {@code HEAD~3},
 * a sha), a day ({@code 2026-03-31}: the end of that day, UTC) or an instant
 * ({@code 2026-03-31T17:00:00Z}, {@code 2026-03-31T17:00:00+02:00}). Dates mean the last commit on
 * or before them in the first-parent history of HEAD, by commit time: what the main line held then.
 */
public final class PointInTime {

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern DATE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T.*");

    private final String text;
    private final Instant cutoff; // null for a revision

    private PointInTime(String text, Instant cutoff) {
        this.text = text;
        this.cutoff = cutoff;
    }

    /**
     * Reads what the user typed. Text shaped like a date is a date (write {@code refs/tags/2026-03-31}
     * for a tag of that name); a malformed date is a usage error.
     */
    public static PointInTime parse(String text) {
        if (text.isBlank()) {
            throw new UsageException("empty revision or date");
        }
        try {
            if (DATE.matcher(text).matches()) {
                return new PointInTime(text, LocalDate.parse(text).plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).minusSeconds(1));
            }
            if (DATE_TIME.matcher(text).matches()) {
                return new PointInTime(text, OffsetDateTime.parse(text).toInstant());
            }
        } catch (DateTimeParseException e) {
            throw new UsageException("`" + text + "` is not a valid date: write YYYY-MM-DD or an ISO instant such as"
                    + " 2026-03-31T17:00:00Z");
        }
        return new PointInTime(text, null);
    }

    public String text() {
        return text;
    }

    public boolean isDate() {
        return cutoff != null;
    }

    /** The commit this point stands for in the repository; unknown revisions and dates before history are exit-3 errors. */
    public CommitInfo resolve(GitRepo repo) {
        if (cutoff == null) {
            try (History history = new History(repo)) {
                return history.commit(text);
            }
        }
        try (RevWalk walk = new RevWalk(repo.repository())) {
            ObjectId head = repo.repository().resolve(Constants.HEAD);
            if (head == null) {
                throw new EnvironmentException("the repository has no commits yet, so there is no registry at " + text);
            }
            java.util.Set<ObjectId> shallow = repo.repository().getObjectDatabase().getShallowCommits();
            RevCommit c = walk.parseCommit(head);
            while (true) {
                if (c.getCommitTime() <= cutoff.getEpochSecond()) {
                    return Commits.info(c);
                }
                boolean boundary = shallow.contains(c.getId());
                if (c.getParentCount() == 0 || boundary) {
                    if (boundary) {
                        throw new EnvironmentException("no commit on or before " + text + " in this shallow clone; "
                                + History.FULL_HISTORY_FIX);
                    }
                    throw new EnvironmentException("no commit on or before " + text + ": the history of HEAD starts at "
                            + c.abbreviate(7).name() + " on " + Instant.ofEpochSecond(c.getCommitTime()));
                }
                c = walk.parseCommit(c.getParent(0));
            }
        } catch (IOException e) {
            throw new EnvironmentException("cannot read the history of HEAD: " + e.getMessage(), e);
        }
    }

    /** HEAD's commit, or empty in a repository with no commits yet. */
    public static java.util.Optional<CommitInfo> head(GitRepo repo) {
        try (RevWalk walk = new RevWalk(repo.repository())) {
            ObjectId head = repo.repository().resolve(Constants.HEAD + "^{commit}");
            return head == null ? java.util.Optional.empty() : java.util.Optional.of(Commits.info(walk.parseCommit(head)));
        } catch (IOException e) {
            throw new EnvironmentException("cannot read HEAD: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
