package dev.registry.git;

import dev.registry.UsageException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Who is running the tool, as git would record them as a commit's author ({@link CommitIdentity}:
 * the GIT_AUTHOR_* variables, then git config read from the command's $HOME). {@code approve}
 * writes approvals in this name, and the gate later checks that the commit adding them is theirs.
 */
public record GitIdentity(String name, String email) {

    /**
     * The identity for the registry's repository, with the command's environment {@code env} and
     * working folder {@code cwd}; a usage error when it has no email address.
     */
    public static GitIdentity of(Path registryRoot, Map<String, String> env, Path cwd) {
        try (GitRepo repo = GitRepo.open(registryRoot, env, cwd)) {
            var config = CommitIdentity.config(repo.repository());
            String email = CommitIdentity.email("author", config, env).orElseThrow(() -> new UsageException(
                    "approvals are written in the name of your git identity, and none is set;"
                            + " set it with `git config --global user.email you@example.com`"));
            return new GitIdentity(CommitIdentity.name("author", config, env).orElse(""), email);
        }
    }
}
