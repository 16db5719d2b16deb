package dev.registry.check;

import dev.registry.Phases;
import dev.registry.cache.FileCache;
import dev.registry.source.CapturedSource;
import dev.registry.source.Snapshot;
import dev.registry.source.SnapshotReader;
import dev.registry.source.Source;
import dev.registry.source.SourceEntry;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * {@code registry validate} with its cache. Every file's content is known by its digest, read
 * and hashed, or remembered under its stamp; what follows from the digests is taken from the
 * cache when it was worked out before: the whole run's findings when no file changed (the run is
 * keyed by the fingerprint of every path, type, size and content, by the source, the day and the
 * build), else each unchanged file's tree and schema findings, with the cross-file checks run
 * over the whole registry again. When every card has a settled stamp, the fingerprint of the
 * stamps alone (an alias of the run) answers a run over unchanged files without looking up a
 * single file.
 */
public final class CachedValidation {

    private final FileCache cache;
    private final LocalDate today;
    private final Phases phases;
    private boolean wholeRunCached;
    private boolean byStamps;

    public CachedValidation(FileCache cache, LocalDate today) {
        this(cache, today, new Phases());
    }

    /** A validation that records where its time goes in {@code phases}. */
    public CachedValidation(FileCache cache, LocalDate today, Phases phases) {
        this.cache = cache;
        this.today = today;
        this.phases = phases;
    }

    /** Every finding in the source. */
    public ValidationReport validate(Source source) {
        if (!cache.enabled()) {
            Validator.warmUpInBackground(); // overlaps reading the files
            Snapshot snapshot = new SnapshotReader(cache).read(source);
            phases.done("read");
            return new Validator(today, cache).validate(snapshot, phases);
        }
        long readStart = System.currentTimeMillis();
        List<SourceEntry> entries = source.entries();
        phases.done("list");
        Optional<String> alias = CapturedSource.stampFingerprint(entries, readStart)
                .map(stamps -> cache.runKey("validate by stamps", source.label(), today.toString(), stamps));
        Optional<FileCache.Run> byStamps = alias.flatMap(cache::alias).flatMap(cache::run);
        phases.done("whole-run lookup by stamps");
        if (byStamps.isPresent()) {
            wholeRunCached = true;
            this.byStamps = true;
            return new ValidationReport(source.label(), byStamps.get().files(), byStamps.get().findings());
        }
        CapturedSource captured = CapturedSource.of(source, entries, readStart, phases, cache);
        String key = cache.runKey("validate", captured.label(), today.toString(), captured.fingerprint());
        Optional<FileCache.Run> known = cache.run(key);
        alias.ifPresent(a -> cache.rememberAlias(a, key));
        phases.done("whole-run lookup");
        if (known.isPresent()) {
            wholeRunCached = true;
            return new ValidationReport(captured.label(), known.get().files(), known.get().findings());
        }
        // Only now is it known that the checks will run: the schema compile and the bundled
        // policy cost half a second of CPU that a run answered from the cache should not pay.
        Validator.warmUpInBackground();
        Snapshot snapshot = new SnapshotReader(cache).read(captured);
        phases.done("parse");
        ValidationReport report = new Validator(today, cache).validate(snapshot, phases);
        cache.rememberRun(key, new FileCache.Run(report.files(), report.findings()));
        return report;
    }

    /** The snapshot of a source, unchanged files' trees taken from the cache. */
    public Snapshot read(Source source) {
        Validator.warmUpInBackground();
        Snapshot snapshot = cache.enabled() ? new SnapshotReader(cache).read(CapturedSource.of(source, phases, cache))
                : new SnapshotReader(cache).read(source);
        phases.done("parse");
        return snapshot;
    }

    /** The findings in the named files and the cross-file rules they take part in. */
    public ValidationReport validate(Snapshot snapshot, Collection<String> paths) {
        ValidationReport report = new Validator(today, cache).validate(snapshot, paths);
        phases.done("checks");
        return report;
    }

    /** Whether the last {@link #validate(Source)} took every finding from the cache. */
    public boolean wholeRunCached() {
        return wholeRunCached;
    }

    /** Whether it did so knowing every file by its stamp alone, without a lookup per file. */
    public boolean answeredByStamps() {
        return byStamps;
    }
}
