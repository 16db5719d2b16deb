package dev.registry.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.TimeZone;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * A temporary git repository built with JGit, for scenarios with several authors, branches and
 * commit ranges. Commit times advance one hour per commit from a fixed start, so history order is
 * deterministic.
 */
public final class GitFixture implements AutoCloseable {

    private final Git git;
    private final Path dir;
    private Instant clock = Instant.parse("2026-01-05T09:00:00Z");

    private GitFixture(Git git, Path dir) {
        this.git = git;
        this.dir = dir;
    }

    /** {@code git init -b main} in {@code dir}. */
    public static GitFixture init(Path dir) {
        try {
            Files.createDirectories(dir);
            return new GitFixture(Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call(), dir);
        } catch (GitAPIException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public Path dir() {
        return dir;
    }

    public Git git() {
        return git;
    }

    public GitFixture write(String relative, String text) {
        Registries.write(dir, relative, text);
        return this;
    }

    public GitFixture delete(String relative) {
        try {
            Files.delete(dir.resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** {@code git add} of the given paths (all changes when none are given). */
    public GitFixture add(String... paths) {
        try {
            var add = git.add();
            if (paths.length == 0) {
                add.addFilepattern(".");
                git.add().addFilepattern(".").setUpdate(true).call(); // stage deletions too
            }
            for (String p : paths) {
                add.addFilepattern(p);
            }
            add.call();
            return this;
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stages everything and commits as the given author, who is also the committer. */
    public RevCommit commit(String authorEmail, String message) {
        add();
        return commitStaged(authorEmail, message);
    }

    /** Commits what is staged as the given author. */
    public RevCommit commitStaged(String authorEmail, String message) {
        clock = clock.plusSeconds(3600);
        String name = authorEmail.substring(0, authorEmail.indexOf('@'));
        PersonIdent who = new PersonIdent(name, authorEmail, Date.from(clock), TimeZone.getTimeZone(ZoneOffset.UTC));
        try {
            return git.commit().setAuthor(who).setCommitter(who).setMessage(message).setSign(false)
                    .setAllowEmpty(true).call();
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Creates and checks out a branch at HEAD. */
    public GitFixture branch(String name) {
        try {
            git.checkout().setCreateBranch(true).setName(name).call();
            return this;
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    public GitFixture checkout(String name) {
        try {
            git.checkout().setName(name).call();
            return this;
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The instant the next commit will carry, minus one hour: the time of the last commit. */
    public Instant lastCommitTime() {
        return clock;
    }

    @Override
    public void close() {
        git.close();
    }
}
