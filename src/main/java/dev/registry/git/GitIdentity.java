package dev.registry.git;

import dev.registry.UsageException;
import java.nio.file.Path;
import org.eclipse.jgit.lib.UserConfig;

/**
 * Who is running the tool, as git would record them: user.name and user.email from git config,
 * or the GIT_AUTHOR_* variables. {@code approve} writes approvals in this name, and the gate later
 * checks that the commit adding them is theirs.
 */
public record GitIdentity(String name, String email) {

    /** The identity configured for the registry's repository; a usage error when there is none. */
    public static GitIdentity of(Path registryRoot) {
        try (GitRepo repo = GitRepo.open(registryRoot)) {
            UserConfig user = repo.repository().getConfig().get(UserConfig.KEY);
            if (user.isAuthorEmailImplicit() || user.getAuthorEmail() == null || user.getAuthorEmail().isBlank()) {
                throw new UsageException("approvals are written in the name of your git identity, and none is set;"
                        + " set it with `git config --global user.email you@example.com`");
            }
            return new GitIdentity(user.getAuthorName(), user.getAuthorEmail());
        }
    }
}
