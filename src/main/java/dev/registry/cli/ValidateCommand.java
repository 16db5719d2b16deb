package dev.registry.cli;

import dev.registry.Phases;
import dev.registry.UsageException;
import dev.registry.cache.CacheHome;
import dev.registry.cache.FileCache;
import dev.registry.card.CardKind;
import dev.registry.check.CachedValidation;
import dev.registry.check.ValidationReport;
import dev.registry.check.Validator;
import dev.registry.git.GitIndex;
import dev.registry.git.GitRepo;
import dev.registry.git.GitSource;
import dev.registry.source.Snapshot;
import dev.registry.source.Source;
import dev.registry.source.WorkingTreeSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code registry validate}: schema and cross-file checks over the working tree, the index or a commit. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check every card against its schema and the cross-file rules.",
                "With paths, report only the named files and the cross-file rules they take part in."})
final class ValidateCommand implements Callable<Integer> {

    @ParentCommand
    RegistryCommand root;

    @Mixin
    FindingsOptions findings;

    @Parameters(paramLabel = "<path>", arity = "0..*",
            description = "Files or folders to check (default: the whole registry).")
    List<Path> paths = new ArrayList<>();

    @ArgGroup(exclusive = true)
    Where where;

    @Option(names = "--no-cache", description = {"Parse and schema-check every file, neither reading nor writing the cache"
            + " of earlier results (also: REGISTRY_CACHE=off)."})
    boolean noCache;

    static final class Where {
        @Option(names = "--staged", description = "Check what the git index would commit (the pre-commit case).")
        boolean staged;

        @Option(names = "--rev", paramLabel = "<rev>", description = "Check the registry at a git revision, without a checkout.")
        String rev;
    }

    /** Set to anything, it has validate print where its time went on stderr: for bench/ and profiling. */
    static final String TIMINGS = "REGISTRY_TIMINGS";

    @Override
    public Integer call() {
        Path registryRoot = root.registryRoot();
        long start = System.nanoTime();
        Phases phases = new Phases();
        FileCache cache = noCache ? FileCache.disabled() : CacheHome.open(registryRoot, root.env);
        phases.done("open cache");
        CachedValidation validation = new CachedValidation(cache, LocalDate.now(), phases);
        ValidationReport report;
        Optional<Source> index = where != null && where.staged
                ? GitIndex.of(registryRoot, root.env, root.cwd, stamp -> {
                    OptionalLong size = cache.known(stamp).stream().mapToLong(FileCache.Known::size).findAny();
                    if (size.isEmpty()) {
                        // A blob no run has read: this run will check it, so the schema compile and
                        // the policy may start now, while git lists and reads the blobs.
                        Validator.warmUpInBackground();
                    }
                    return size;
                })
                : Optional.empty();
        if (index.isPresent()) {
            phases.done("list the index (git)");
            report = check(validation, registryRoot, index.get());
        } else if (where != null && (where.staged || where.rev != null)) {
            try (GitRepo repo = GitRepo.open(registryRoot, root.env, root.cwd)) {
                phases.done("open repository");
                report = check(validation, registryRoot, where.staged ? GitSource.index(repo) : GitSource.revision(repo, where.rev));
            }
        } else {
            report = check(validation, registryRoot, cache.enabled() ? WorkingTreeSource.stamped(registryRoot)
                    : new WorkingTreeSource(registryRoot));
        }
        long checked = System.nanoTime();
        Optional<String> unsaved = cache.save();
        phases.done("save cache");
        if (root.verbose) {
            long done = System.nanoTime();
            root.err.printf("read and checked %d files from the %s in %d ms%s%n", report.files(), report.source(),
                    (checked - start) / 1_000_000, !validation.wholeRunCached() ? ""
                            : validation.answeredByStamps() ? " (no file changed: every finding from the cache, every file known by its stamp)"
                            : " (no file changed: every finding from the cache)");
            root.err.printf("%s, saved in %d ms%n", cache.stats(), (done - checked) / 1_000_000);
            unsaved.ifPresent(reason -> root.err.println("registry: note: " + reason));
        }
        if (!root.env.getOrDefault(TIMINGS, "").isEmpty()) {
            root.err.println("timings: " + phases.summary());
        }
        return findings.render(root, registryRoot, report);
    }

    private ValidationReport check(CachedValidation validation, Path registryRoot, Source source) {
        if (paths.isEmpty()) {
            return validation.validate(source);
        }
        Snapshot snapshot = validation.read(source);
        return validation.validate(snapshot, selected(registryRoot, snapshot));
    }

    /** The registry files the user named, as registry-relative paths; folders stand for what they hold. */
    private List<String> selected(Path registryRoot, Snapshot snapshot) {
        List<String> known = new ArrayList<>(snapshot.files().keySet());
        snapshot.readFindings().forEach(f -> known.add(f.path()));
        List<String> out = new ArrayList<>();
        for (Path p : paths) {
            Path abs = root.base().resolve(p).normalize();
            if (!abs.startsWith(registryRoot)) {
                throw new UsageException(p + " is outside the registry at " + registryRoot);
            }
            String rel = registryRoot.relativize(abs).toString().replace('\\', '/');
            List<String> matches = known.stream()
                    .filter(k -> rel.isEmpty() || k.equals(rel) || k.startsWith(rel + "/"))
                    .distinct().toList();
            if (matches.isEmpty()) {
                if (Files.exists(abs) && CardKind.forPath(rel).isEmpty()) {
                    continue; // not a registry file (a README, say): nothing to check
                }
                throw new UsageException("no registry file matches " + p
                        + (where != null && where.staged ? " in the index" : ""));
            }
            out.addAll(matches);
        }
        return out;
    }
}
