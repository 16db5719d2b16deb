package dev.registry.cache;

import dev.registry.ToolVersion;
import dev.registry.card.CardKind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where a registry's {@link FileCache} lives, and the salt that ties it to this build.
 *
 * <p>Inside a git repository the cache goes into its git directory ({@code .git/registry-cache/}),
 * which git neither tracks nor shows; elsewhere into the user's cache folder
 * ({@code $XDG_CACHE_HOME/registry}, else {@code ~/.cache/registry}). {@code REGISTRY_CACHE_DIR}
 * names another folder; {@code REGISTRY_CACHE=off} turns the cache off.
 */
public final class CacheHome {

    /** The variable that turns the cache off (off, 0, false or no). */
    public static final String SWITCH = "REGISTRY_CACHE";
    public static final String FOLDER = "REGISTRY_CACHE_DIR";
    private static final Set<String> OFF = Set.of("off", "0", "false", "no");

    private static volatile String salt;

    private CacheHome() {
    }

    /** The cache of the registry at {@code registryRoot}: off when switched off or when there is nowhere to keep it. */
    public static FileCache open(Path registryRoot, Map<String, String> env) {
        return file(registryRoot, env).map(f -> FileCache.open(f, salt())).orElseGet(FileCache::disabled);
    }

    /** The cache file for a registry, or empty when the cache is off. */
    public static Optional<Path> file(Path registryRoot, Map<String, String> env) {
        String onOff = env.getOrDefault(SWITCH, "").trim().toLowerCase(Locale.ROOT);
        if (OFF.contains(onOff)) {
            return Optional.empty();
        }
        Path root = registryRoot.toAbsolutePath().normalize();
        Optional<Path> folder = nonEmpty(env.get(FOLDER)).map(Path::of).filter(Path::isAbsolute)
                .or(() -> gitDir(root).map(g -> g.resolve("registry-cache")))
                .or(() -> nonEmpty(env.get("XDG_CACHE_HOME")).map(Path::of).filter(Path::isAbsolute).map(p -> p.resolve("registry")))
                .or(() -> nonEmpty(env.get("HOME")).map(Path::of).filter(Path::isAbsolute).map(p -> p.resolve(".cache/registry")));
        String name = "validate-" + FileCache.sha256(root.toString().getBytes(StandardCharsets.UTF_8)).substring(0, 16) + ".cache";
        return folder.map(f -> f.resolve(name));
    }

    /**
     * The git directory of the repository holding {@code dir}, found the way git finds it (a
     * {@code .git} folder, or a {@code .git} file naming one, as in worktrees), without JGit.
     */
    static Optional<Path> gitDir(Path dir) {
        for (Path d = dir; d != null; d = d.getParent()) {
            Path dotGit = d.resolve(".git");
            if (Files.isDirectory(dotGit)) {
                return Optional.of(dotGit);
            }
            if (Files.isRegularFile(dotGit)) {
                try {
                    String line = Files.readString(dotGit, StandardCharsets.UTF_8).strip();
                    if (line.startsWith("gitdir:")) {
                        Path target = d.resolve(line.substring("gitdir:".length()).strip()).normalize();
                        return Files.isDirectory(target) ? Optional.of(target) : Optional.empty();
                    }
                } catch (IOException | RuntimeException e) {
                    return Optional.empty();
                }
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /**
     * What a cached result depends on besides the file itself: the cache format, the tool's
     * version and build, and so the schemas and default policy it carries. A build made by Maven
     * carries its build time; a build without one (classes compiled by an IDE) is told apart by a
     * digest of those resources instead, which costs a tenth of a second on a cold JVM.
     */
    public static String salt() {
        String s = salt;
        if (s == null) {
            String build = ToolVersion.build();
            s = "format " + FileCache.FORMAT + "; registry " + ToolVersion.get() + " "
                    + (build.isEmpty() ? "resources " + resourceDigest() : "built " + build);
            salt = s;
        }
        return s;
    }

    private static String resourceDigest() {
        List<String> resources = new ArrayList<>();
        resources.add("schema/common.schema.json");
        resources.add("schema/policy.schema.json");
        for (CardKind k : CardKind.values()) {
            resources.add("schema/" + k.schemaFile());
        }
        resources.add("dev/registry/risk/eu-ai-act.policy.yaml");
        MessageDigest d = FileCache.sha256Digest();
        for (String r : resources) {
            d.update(r.getBytes(StandardCharsets.UTF_8));
            try (InputStream in = CacheHome.class.getClassLoader().getResourceAsStream(r)) {
                if (in != null) {
                    d.update(in.readAllBytes());
                }
            } catch (IOException e) {
                d.update((byte) 0);
            }
        }
        return HexFormat.of().formatHex(d.digest());
    }

    private static Optional<String> nonEmpty(String s) {
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s);
    }
}
