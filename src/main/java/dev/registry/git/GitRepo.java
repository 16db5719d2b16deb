package dev.registry.git;

import dev.registry.EnvironmentException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jgit.errors.AmbiguousObjectException;
import org.eclipse.jgit.errors.ConfigInvalidException;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.storage.file.FileBasedConfig;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.SystemReader;

/** The git repository that holds a registry, and where in it the registry lives. */
public final class GitRepo implements AutoCloseable {

    static {
        // On a fresh $HOME JGit first measures the file system's timestamp resolution (seconds);
        // in the background it costs nothing we wait for.
        FS.FileStoreAttributes.setBackground(true);
    }

    private static final Set<String> PATH_VARIABLES = Set.of(Constants.GIT_DIR_KEY, Constants.GIT_WORK_TREE_KEY,
            Constants.GIT_INDEX_FILE_KEY, Constants.GIT_OBJECT_DIRECTORY_KEY, Constants.GIT_COMMON_DIR_KEY);

    private final Repository repository;
    private final String registryPrefix;

    private GitRepo(Repository repository, String registryPrefix) {
        this.repository = repository;
        this.registryPrefix = registryPrefix;
    }

    /** Opens the repository containing {@code registryRoot}, honouring this process's GIT_* variables. */
    public static GitRepo open(Path registryRoot) {
        return open(registryRoot, System.getenv(), Path.of("").toAbsolutePath());
    }

    /**
     * Opens the repository containing {@code registryRoot} as git would from {@code cwd} with the
     * environment {@code env}: GIT_DIR, GIT_WORK_TREE and above all GIT_INDEX_FILE, which a
     * pre-commit hook gets pointing at the index being committed ({@code .git/index.lock} during
     * {@code git commit -a}). Relative paths in them are relative to {@code cwd}, as for git.
     */
    public static GitRepo open(Path registryRoot, Map<String, String> env, Path cwd) {
        SystemReader environment = new SystemReader.Delegate(SystemReader.getInstance()) {
            @Override
            public String getenv(String name) {
                String value = env.get(name);
                if (value == null || value.isEmpty() || !PATH_VARIABLES.contains(name)) {
                    return value;
                }
                return cwd.resolve(value).normalize().toString();
            }
        };
        FileRepositoryBuilder builder = new FileRepositoryBuilder().readEnvironment(environment)
                .findGitDir(registryRoot.toFile());
        if (builder.getGitDir() == null) {
            throw new EnvironmentException("not a git repository (or any parent up to /): " + registryRoot);
        }
        try {
            Repository r = build(builder.setMustExist(true), env);
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

    private static final Object SWAP = new Object();

    /**
     * Builds the repository with git's user config for {@code env}: {@code $HOME/.gitconfig} over
     * {@code $XDG_CONFIG_HOME/git/config} (or {@code $HOME/.config/git/config}) over the system
     * config. JGit would read the passwd home's ({@code user.home}) instead, and a repository takes
     * its user config from the process-wide SystemReader once, when it is built: so that reader is
     * swapped for the build only. Commits, hooks and identities then see the config git would.
     */
    private static Repository build(FileRepositoryBuilder builder, Map<String, String> env) throws IOException {
        synchronized (SWAP) {
            SystemReader previous = SystemReader.getInstance();
            StoredConfig user;
            try {
                user = userConfig(previous.getSystemConfig(), env);
            } catch (ConfigInvalidException e) {
                throw new EnvironmentException("cannot read the git system config: " + e.getMessage(), e);
            }
            SystemReader.setInstance(new SystemReader.Delegate(previous) {
                @Override
                public StoredConfig getUserConfig() {
                    return user;
                }
            });
            try {
                return builder.build();
            } finally {
                SystemReader.setInstance(previous);
            }
        }
    }

    private static StoredConfig userConfig(Config jgitSystem, Map<String, String> env) {
        // As git: GIT_CONFIG_NOSYSTEM drops the system config, GIT_CONFIG_GLOBAL names the one user config file.
        Config system = isTrue(env.get("GIT_CONFIG_NOSYSTEM")) ? new Config() : jgitSystem;
        Optional<String> global = nonBlank(env.get("GIT_CONFIG_GLOBAL"));
        if (global.isPresent()) {
            return load(new FileBasedConfig(system, new File(global.get()), FS.DETECTED));
        }
        Optional<String> home = nonBlank(env.get("HOME"));
        Optional<File> xdg = nonBlank(env.get("XDG_CONFIG_HOME")).map(x -> new File(new File(x, "git"), "config"))
                .or(() -> home.map(h -> new File(new File(new File(h, ".config"), "git"), "config")));
        Config base = xdg.<Config>map(f -> load(new FileBasedConfig(system, f, FS.DETECTED))).orElse(system);
        if (home.isEmpty()) {
            return new StoredConfig(base) { // no $HOME: git reads no ~/.gitconfig either
                @Override
                public void load() {
                }

                @Override
                public void save() {
                }
            };
        }
        return load(new FileBasedConfig(base, new File(home.get(), ".gitconfig"), FS.DETECTED));
    }

    private static boolean isTrue(String value) {
        return value != null && List.of("1", "true", "yes", "on").contains(value.strip().toLowerCase(java.util.Locale.ROOT));
    }

    private static Optional<String> nonBlank(String s) {
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s);
    }

    private static FileBasedConfig load(FileBasedConfig config) {
        try {
            config.load(); // a missing file loads as empty
            return config;
        } catch (IOException | ConfigInvalidException e) {
            throw new EnvironmentException("cannot read git config " + config.getFile() + ": " + e.getMessage(), e);
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

    /**
     * Resolves a revision to a commit, or fails with the user's words in the message; in a shallow
     * clone an unknown revision is probably history that was never fetched, and the message says so.
     */
    public RevCommit commit(String rev) {
        try (RevWalk walk = new RevWalk(repository)) {
            ObjectId id = repository.resolve(rev);
            if (id == null) {
                throw new EnvironmentException("unknown revision `" + rev + "`" + (isShallow()
                        ? "; this is a shallow clone, so it may not have been fetched: " + History.FULL_HISTORY_FIX : ""));
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
