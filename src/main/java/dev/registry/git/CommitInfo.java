package dev.registry.git;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One commit, as the rest of the tool sees it (no JGit types cross the package boundary).
 *
 * @param authored when the author wrote it, in the author's time zone
 * @param subject  the first line of the message
 */
public record CommitInfo(String id, String authorName, String authorEmail, OffsetDateTime authored,
                         String committerEmail, String subject, List<String> parents) {

    public CommitInfo {
        parents = List.copyOf(parents);
    }

    public String shortId() {
        return id.substring(0, 7);
    }

    public boolean isMerge() {
        return parents.size() > 1;
    }
}
