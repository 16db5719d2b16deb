package dev.registry.git;

import dev.registry.EnvironmentException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.errors.AmbiguousObjectException;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.util.FS;

/** The git repository that holds a registry, and where in it the registry lives. */
public final class GitRepo implements AutoCloseable {

    static {
        // On a fresh $HOME JGit first measures the file system's timestamp resolution (seconds);
        // in the background it costs nothing we wait for.
        FS.FileStoreAttributes.setBackground(true);
    }

    private final Repository repository;
    private final String registryPrefix;

    private GitRepo(Repository repository, String registryPrefix) {
        this.repository = repository;
        this.registryPrefix = registryPrefix;
    }

    /** Opens the repository containing {@code registryRoot}. */
    public static GitRepo open(Path registryRoot) {
        FileRepositoryBuilder builder = new FileRepositoryBuilder().readEnvironment().findGitDir(registryRoot.toFile());
        if (builder.getGitDir() == null) {
            throw new EnvironmentException("not a git repository (or any parent up to /): " + registryRoot);
        }
        try {
            Repository r = builder.setMustExist(true).build();
            if (r.isBare()) {
                return new GitRepo(r, "");
            }
            Path top = r.getWorkTree().toPath().toRealPath();
            Path root = registryRoot.toRealPath();
            if (!root.startsWith(top)) {
                r.close();
                throw new EnvironmentException("registry " + registryRoot + " is outside the git work tree " + top);
            }
            String rel = top.relativize(root).toString().replace('\\', '/');
            return new GitRepo(r, rel.isEmpty() ? "" : rel + "/");
        } catch (IOException e) {
            throw new EnvironmentException("cannot open git repository at " + registryRoot + ": " + e.getMessage(), e);
        }
    }

    public Repository repository() {
        return repository;
    }

    /** The registry's folder inside the repository, "" or ending in '/'. */
    public String registryPrefix() {
        return registryPrefix;
    }

    public boolean isShallow() {
        return Files.exists(repository.getDirectory().toPath().resolve("shallow"));
    }

    /** Resolves a revision to a commit, or fails with the user's words in the message. */
    public RevCommit commit(String rev) {
        try (RevWalk walk = new RevWalk(repository)) {
            ObjectId id = repository.resolve(rev);
            if (id == null) {
                throw new EnvironmentException("unknown revision `" + rev + "`");
            }
            return walk.parseCommit(id);
        } catch (AmbiguousObjectException e) {
            throw new EnvironmentException("ambiguous revision `" + rev + "`; give more characters of the sha", e);
        } catch (RevisionSyntaxException e) {
            throw new EnvironmentException("invalid revision `" + rev + "`", e);
        } catch (org.eclipse.jgit.errors.IncorrectObjectTypeException e) {
            throw new EnvironmentException("`" + rev + "` is not a commit", e);
        } catch (IOException e) {
            throw new EnvironmentException("cannot resolve `" + rev + "`: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        repository.close();
    }
}
