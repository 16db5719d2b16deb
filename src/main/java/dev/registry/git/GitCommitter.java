package dev.registry.git;

import dev.registry.EnvironmentException;
import dev.registry.UsageException;
import dev.registry.edit.Committer;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.api.AddCommand;
import org.eclipse.jgit.api.CommitCommand;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.AbortedByHookException;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.UserConfig;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * {@code --commit}: commits the files a command wrote, and only those, as {@code git commit --only
 * <paths>} would: whatever else the user had staged stays staged and out of the commit. Author and
 * committer are the user's git identity (user.name and user.email from git config, or the
 * GIT_AUTHOR_* variables). Git hooks run as for {@code git commit}; what they print goes where the
 * caller says, since JGit would print it on the process's stdout.
 */
public final class GitCommitter implements Committer, AutoCloseable {

    private final GitRepo repo;
    private final PersonIdent who;
    private final PrintStream hookOutput;

    private GitCommitter(GitRepo repo, PersonIdent who, PrintStream hookOutput) {
        this.repo = repo;
        this.who = who;
        this.hookOutput = hookOutput;
    }

    /**
     * Opens the repository of the registry and checks the identity, so that a command fails
     * before it writes anything when it could not commit afterwards. {@code hookOutput} receives
     * what git hooks print, on stdout and stderr alike (git shows both on stderr).
     */
    public static GitCommitter open(Path registryRoot, PrintStream hookOutput) {
        GitRepo repo = GitRepo.open(registryRoot);
        if (repo.repository().isBare()) {
            repo.close();
            throw new EnvironmentException("cannot commit: the registry's git repository is bare");
        }
        UserConfig user = repo.repository().getConfig().get(UserConfig.KEY);
        if (user.isAuthorNameImplicit() || user.isAuthorEmailImplicit()) {
            repo.close();
            throw new UsageException("--commit needs your git identity; set it with"
                    + " `git config --global user.name \"Your Name\"` and `git config --global user.email you@example.com`");
        }
        return new GitCommitter(repo, new PersonIdent(user.getAuthorName(), user.getAuthorEmail()), hookOutput);
    }

    @Override
    public String commit(List<String> paths, String message) {
        try (Git git = new Git(repo.repository())) {
            // `--only` finds paths through the index, so new files are added first; adding a path
            // stages that path alone.
            AddCommand add = git.add();
            paths.forEach(p -> add.addFilepattern(repo.registryPrefix() + p));
            add.call();
            CommitCommand c = git.commit().setMessage(message).setAuthor(who).setCommitter(who)
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
