package dev.registry.git;

import java.time.Instant;

/**
 * What an inventory says about a commit. A plain record, so that code holding one never loads JGit.
 *
 * @param id     full sha
 * @param time   commit (not author) time: when the change landed on the branch
 * @param author the author's email
 */
public record CommitInfo(String id, Instant time, String author, String subject) {

    /** The first seven characters of the sha, as git prints them. */
    public String shortId() {
        return id.substring(0, Math.min(7, id.length()));
    }
}
