package dev.registry.git;

import dev.registry.EnvironmentException;
import dev.registry.UsageException;
import dev.registry.edit.Committer;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.jgit.api.AddCommand;
import org.eclipse.jgit.api.CommitCommand;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.AbortedByHookException;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.IndexDiff;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.treewalk.FileTreeIterator;
import org.eclipse.jgit.treewalk.filter.PathFilterGroup;

/**
 * {@code --commit}: commits the files a command wrote, and only those, as {@code git commit --only
 * <paths>} would: whatever else the user had staged stays staged and out of the commit. It refuses
 * to start when one of those files already has changes of the user's (staged, unstaged or
 * untracked), which the commit would otherwise sweep in under the tool's message. Author and
 * committer are worked out as git does ({@link CommitIdentity}). Git hooks run as for {@code git
 * commit}; what they print goes where the caller says, since JGit would print it on the process's
 * stdout.
 */
public final class GitCommitter implements Committer, AutoCloseable {

    /** How many files a refusal names before it counts the rest. */
    private static final int NAMED = 10;

    private final GitRepo repo;
    private final CommitIdentity who;
    private final PrintStream hookOutput;

    private GitCommitter(GitRepo repo, CommitIdentity who, PrintStream hookOutput) {
        this.repo = repo;
        this.who = who;
        this.hookOutput = hookOutput;
    }

    /**
     * Opens the repository of the registry as git would with the command's environment
     * {@code env} and working folder {@code cwd}, and works out the identity, so that a command
     * fails before it writes anything when it could not commit afterwards. {@code hookOutput}
     * receives what git hooks print, on stdout and stderr alike (git shows both on stderr).
     */
    public static GitCommitter open(Path registryRoot, Map<String, String> env, Path cwd, PrintStream hookOutput) {
        GitRepo repo = GitRepo.open(registryRoot, env, cwd);
        try {
            if (repo.repository().isBare()) {
                throw new EnvironmentException("cannot commit: the registry's git repository is bare");
            }
            return new GitCommitter(repo, CommitIdentity.of(repo.repository(), env, Instant.now()), hookOutput);
        } catch (RuntimeException e) {
            repo.close();
            throw e;
        }
    }

    /**
     * Refuses (a usage error) when any of the registry-relative {@code paths} differs from HEAD in
     * the index or the working tree: the commit would record the user's change as the tool's.
     */
    @Override
    public void checkUntouched(List<String> paths) {
        if (paths.isEmpty()) {
            return;
        }
        Repository r = repo.repository();
        List<String> inRepo = paths.stream().map(p -> repo.registryPrefix() + p).toList();
        Set<String> touched = new TreeSet<>();
        try {
            IndexDiff diff = new IndexDiff(r, Constants.HEAD, new FileTreeIterator(r));
            diff.setFilter(PathFilterGroup.createFromStrings(inRepo));
            diff.diff();
            for (Set<String> s : List.of(diff.getAdded(), diff.getChanged(), diff.getRemoved(), diff.getMissing(),
                    diff.getModified(), diff.getUntracked(), diff.getConflicting())) {
                touched.addAll(s);
            }
        } catch (IOException e) {
            throw new EnvironmentException("cannot read the git status of the files to commit: " + e.getMessage(), e);
        }
        touched.retainAll(Set.copyOf(inRepo)); // the filter matches folders' contents too
        if (touched.isEmpty()) {
            return;
        }
        List<String> named = touched.stream().limit(NAMED).map(p -> p.substring(repo.registryPrefix().length())).toList();
        String more = touched.size() > NAMED ? " and " + (touched.size() - NAMED) + " more" : "";
        throw new UsageException("--commit would also commit your own uncommitted changes to " + String.join(", ", named) + more
                + "; commit or stash your changes first, or run without --commit");
    }

    @Override
    public String commit(List<String> paths, String message) {
        try (Git git = new Git(repo.repository())) {
            // `--only` finds paths through the index, so new files are added first; adding a path
            // stages that path alone.
            AddCommand add = git.add();
            paths.forEach(p -> add.addFilepattern(repo.registryPrefix() + p));
            add.call();
            CommitCommand c = git.commit().setMessage(message).setAuthor(who.author()).setCommitter(who.committer())
                    .setHookOutputStream(hookOutput).setHookErrorStream(hookOutput);
            paths.forEach(p -> c.setOnly(repo.registryPrefix() + p));
            RevCommit commit = c.call();
            return commit.abbreviate(7).name();
        } catch (AbortedByHookException e) {
            // The hook's own words went to hookOutput; e.getMessage() would repeat its stderr.
            throw new EnvironmentException("the files were written, but the git " + e.getHookName() + " hook refused the commit"
                    + " (exit " + e.getReturnCode() + "); fix what it reports, then commit them", e);
        } catch (GitAPIException | RuntimeException e) {
            throw new EnvironmentException("the files were written, but committing them failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        repo.close();
    }
}
