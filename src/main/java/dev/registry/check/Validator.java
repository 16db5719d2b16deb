package dev.registry.check;

import dev.registry.Phases;
import dev.registry.cache.FileCache;
import dev.registry.finding.Finding;
import dev.registry.source.Snapshot;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/** Runs every check over a snapshot: the service behind {@code registry validate}. */
public final class Validator {

    private final List<Check> checks;
    /** Whether {@link #warmUpInBackground} has started its threads in this JVM. */
    private static final java.util.concurrent.atomic.AtomicBoolean warming = new java.util.concurrent.atomic.AtomicBoolean();

    /** The standard checks, judging dates against {@code today}. */
    public Validator(LocalDate today) {
        this(today, FileCache.disabled());
    }

    /** The standard checks, with schema findings taken from the cache for content checked before. */
    public Validator(LocalDate today, FileCache cache) {
        this(List.of(new SchemaCheck(cache), new ConsistencyCheck(today), new dev.registry.risk.RiskCheck(today),
                new dev.registry.gate.GatePolicyCheck()));
    }

    public Validator(List<Check> checks) {
        this.checks = List.copyOf(checks);
    }

    /**
     * Starts compiling the bundled schemas on a background thread and returns at once, so that
     * the compile (about a quarter of a second on a cold JVM) overlaps reading the files. They are
     * compiled once per JVM either way; without this call the first check compiles them.
     */
    public static void compileSchemasInBackground() {
        Thread compiler = new Thread(() -> {
            try {
                SchemaCatalog.get();
            } catch (RuntimeException e) {
                // The schema check compiles again on its own thread and reports the failure there.
            }
        }, "schema-compiler");
        compiler.setDaemon(true);
        compiler.start();
    }

    /**
     * Starts what every full validation needs and a cold JVM is slow at, each on a background
     * thread, and returns at once: the schema compile and the bundled risk policy (a YAML file of
     * its own, about a fifth of a second to read on a cold JVM). Both are loaded once per JVM
     * either way; this only lets them overlap reading the registry.
     */
    public static void warmUpInBackground() {
        if (!warming.compareAndSet(false, true)) {
            return; // started already: both are loaded once per JVM
        }
        compileSchemasInBackground();
        Thread policy = new Thread(() -> {
            try {
                dev.registry.risk.PolicyReader.defaults();
            } catch (RuntimeException e) {
                // The risk check loads it again on its own thread and reports the failure there.
            }
        }, "policy-reader");
        policy.setDaemon(true);
        policy.start();
    }

    /** Every finding in the snapshot. */
    public ValidationReport validate(Snapshot snapshot) {
        return validate(snapshot, new Phases());
    }

    /** Every finding in the snapshot, each check's time recorded as a phase of its own. */
    public ValidationReport validate(Snapshot snapshot, Phases phases) {
        List<Finding> all = new ArrayList<>(snapshot.readFindings());
        for (Check c : checks) {
            all.addAll(c.run(snapshot));
            phases.done(c.getClass().getSimpleName());
        }
        return new ValidationReport(snapshot.label(), fileCount(snapshot), all);
    }

    /**
     * The findings in the named files and in the cross-file rules they take part in. The whole
     * snapshot is still read: a reference from an unnamed file can only be resolved with it.
     */
    public ValidationReport validate(Snapshot snapshot, Collection<String> paths) {
        Set<String> only = Set.copyOf(paths);
        List<Finding> all = new ArrayList<>(snapshot.readFindings());
        for (Check c : checks) {
            all.addAll(c.run(snapshot, only::contains));
        }
        List<Finding> kept = all.stream()
                .filter(f -> only.stream().anyMatch(f::concerns))
                .toList();
        return new ValidationReport(snapshot.label(), only.size(), kept);
    }

    private static int fileCount(Snapshot s) {
        return s.files().size() + (int) s.readFindings().stream().map(Finding::path).distinct().count();
    }
}
