package dev.registry.git;

import dev.registry.EnvironmentException;
import dev.registry.UsageException;
import dev.registry.edit.AtomicFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * The git pre-commit hook that runs {@code registry validate --staged}. A hook that is already
 * there is kept, renamed to {@code pre-commit.registry-chained}, and run first; uninstalling puts
 * it back. Installing twice rewrites our hook and chains nothing new.
 */
public final class PreCommitHook {

    /** How our hook recognises itself. */
    static final String MARKER = "# registry pre-commit hook";
    static final String CHAINED = "pre-commit.registry-chained";

    public enum Outcome {
        /** Written where there was no hook. */
        INSTALLED,
        /** Written, with the hook that was there kept and run first. */
        CHAINED,
        /** Ours was there already and has been rewritten. */
        UPDATED,
        /** Removed; nothing was chained. */
        UNINSTALLED,
        /** Removed, and the chained hook is back in its place. */
        RESTORED,
        /** There was no hook of ours to remove. */
        NOT_INSTALLED
    }

    /** What an install or uninstall did, and where. */
    public record Result(Outcome outcome, Path hook, Optional<Path> chained) {
    }

    private PreCommitHook() {
    }

    /** Installs the hook; {@code command} is how the hook runs the tool ("registry"). */
    public static Result install(GitRepo repo, String command) {
        if (command.isBlank() || command.contains("\n") || command.contains("'")) {
            throw new UsageException("--command must be one line without single quotes, such as `registry` or"
                    + " `java -jar /opt/registry.jar`");
        }
        if (repo.registryPrefix().contains("'")) {
            throw new UsageException("the registry's folder `" + repo.registryPrefix() + "` contains a single quote;"
                    + " rename it to install the hook");
        }
        Path dir = hooksDir(repo);
        Path hook = dir.resolve("pre-commit");
        Path chained = dir.resolve(CHAINED);
        String script = script(command, repo.registryPrefix());
        try {
            Files.createDirectories(dir);
            if (Files.isSymbolicLink(hook)) {
                throw new UsageException(hook + " is a symbolic link (a hook manager's?); add `" + command
                        + " validate --staged` to the hook it points at instead");
            }
            Outcome outcome;
            if (!Files.exists(hook, LinkOption.NOFOLLOW_LINKS)) {
                outcome = Files.exists(chained) ? Outcome.CHAINED : Outcome.INSTALLED;
            } else if (isOurs(hook)) {
                outcome = Outcome.UPDATED;
            } else {
                if (Files.exists(chained, LinkOption.NOFOLLOW_LINKS)) {
                    throw new UsageException("both " + hook + " and " + chained + " exist and neither is the registry hook;"
                            + " merge them by hand, then run `registry hook install` again");
                }
                Files.move(hook, chained, StandardCopyOption.ATOMIC_MOVE);
                outcome = Outcome.CHAINED;
            }
            AtomicFile.write(hook, script.getBytes(StandardCharsets.UTF_8));
            executable(hook);
            return new Result(outcome, hook, Files.exists(chained) ? Optional.of(chained) : Optional.empty());
        } catch (IOException e) {
            throw new EnvironmentException("cannot install the hook in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Removes our hook and puts a chained one back; leaves a hook that is not ours alone. */
    public static Result uninstall(GitRepo repo) {
        Path dir = hooksDir(repo);
        Path hook = dir.resolve("pre-commit");
        Path chained = dir.resolve(CHAINED);
        try {
            if (!Files.isRegularFile(hook, LinkOption.NOFOLLOW_LINKS) || !isOurs(hook)) {
                return new Result(Outcome.NOT_INSTALLED, hook, Optional.empty());
            }
            if (Files.exists(chained, LinkOption.NOFOLLOW_LINKS)) {
                Files.move(chained, hook, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                return new Result(Outcome.RESTORED, hook, Optional.of(chained));
            }
            Files.delete(hook);
            return new Result(Outcome.UNINSTALLED, hook, Optional.empty());
        } catch (IOException e) {
            throw new EnvironmentException("cannot uninstall the hook in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Where git looks for hooks: core.hooksPath, else the hooks folder of the (common) git dir. */
    static Path hooksDir(GitRepo repo) {
        var r = repo.repository();
        String configured = r.getConfig().getString("core", null, "hooksPath");
        if (configured != null && !configured.isBlank()) {
            Path p = Path.of(configured.startsWith("~/") ? System.getProperty("user.home") + configured.substring(1) : configured);
            if (p.isAbsolute()) {
                return p;
            }
            // Relative hooksPath is relative to the work tree top (or the git dir of a bare repository).
            return (r.isBare() ? r.getDirectory().toPath() : r.getWorkTree().toPath()).resolve(p).normalize();
        }
        return r.getCommonDirectory().toPath().resolve("hooks");
    }

    /**
     * The hook script. Git runs pre-commit hooks at the top of the work tree, so the registry is
     * named relative to it.
     */
    static String script(String command, String registryPrefix) {
        String dir = registryPrefix.isEmpty() ? "." : registryPrefix.substring(0, registryPrefix.length() - 1);
        // A path to the launcher may hold spaces (/opt/AI tools/registry): when the whole command
        // is one executable file, it is the program, quoted; else the first word is.
        String trimmed = command.trim();
        boolean onePath = trimmed.contains(" ") && isExecutableFile(trimmed);
        String program = onePath ? trimmed : trimmed.split("\\s+")[0];
        String run = onePath ? "'" + trimmed + "'" : trimmed;
        return """
                #!/bin/sh
                %s: validates the registry files about to be committed.
                # Installed by `registry hook install`; remove it with `registry hook install --uninstall`.
                # A hook that was here before is kept as %s and runs first.
                hooks=$(dirname "$0")
                if [ -x "$hooks/%s" ]; then
                  "$hooks/%s" "$@" || exit $?
                fi
                if ! command -v '%s' >/dev/null 2>&1; then
                  echo "pre-commit: '%s' was not found; install registry, or remove this hook with: registry hook install --uninstall" >&2
                  exit 1
                fi
                exec %s -C '%s' validate --staged
                """.formatted(MARKER, CHAINED, CHAINED, CHAINED, program, program, run, dir);
    }

    private static boolean isExecutableFile(String path) {
        try {
            Path p = Path.of(path);
            return p.isAbsolute() && Files.isRegularFile(p) && Files.isExecutable(p);
        } catch (java.nio.file.InvalidPathException e) {
            return false;
        }
    }

    private static boolean isOurs(Path hook) throws IOException {
        if (Files.size(hook) > 64 * 1024) {
            return false;
        }
        return Files.readString(hook, StandardCharsets.ISO_8859_1).contains(MARKER);
    }

    private static void executable(Path hook) throws IOException {
        try {
            Files.setPosixFilePermissions(hook, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (UnsupportedOperationException e) {
            // Git for Windows runs hooks through its own sh; there is no executable bit to set.
        }
    }
}
