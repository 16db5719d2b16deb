package dev.registry.source;

import dev.registry.cache.FileCache;
import dev.registry.card.CardKind;
import dev.registry.card.Deployment;
import dev.registry.card.ModelCard;
import dev.registry.card.Owners;
import dev.registry.card.RegistryConfig;
import dev.registry.finding.Finding;
import dev.registry.finding.Location;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads a {@link Source} into a {@link Snapshot}, parsing files in parallel. With a
 * {@link FileCache}, a file whose bytes were read before is not parsed again: its tree comes from
 * the cache, and its positions are found from its text only if a finding needs them.
 */
public final class SnapshotReader {

    private final StrictYamlReader yaml = new StrictYamlReader();
    private final FileCache cache;

    public SnapshotReader() {
        this(FileCache.disabled());
    }

    public SnapshotReader(FileCache cache) {
        this.cache = cache;
    }

    /** Parses every registry file the source offers. */
    public Snapshot read(Source source) {
        return read(source, e -> Optional.empty());
    }

    /** Parses every registry file of a captured source, whose files are hashed already. */
    public Snapshot read(CapturedSource source) {
        return read(source, e -> source.sha256(e.path()));
    }

    private Snapshot read(Source source, Function<SourceEntry, Optional<String>> known) {
        List<SourceEntry> entries = source.entries();
        // Cards are bound on the same threads that read them, while their trees are fresh.
        List<Outcome> outcomes = dev.registry.Parallel.map(entries, e -> readEntry(e, known).bound());

        List<Finding> findings = new ArrayList<>();
        Map<String, RegistryFile> files = new HashMap<>();
        List<ModelCard> models = new ArrayList<>();
        List<Deployment> deployments = new ArrayList<>();
        Optional<RegistryConfig> config = Optional.empty();
        Owners owners = Owners.empty();
        for (Outcome o : outcomes) {
            o.finding.ifPresent(findings::add);
            if (o.file.isEmpty()) {
                continue;
            }
            RegistryFile f = o.file.get();
            files.put(f.path(), f);
            Object card = o.card.orElseThrow();
            switch (f.kind()) {
                case REGISTRY -> config = Optional.of((RegistryConfig) card);
                case OWNERS -> owners = (Owners) card;
                case MODEL -> models.add((ModelCard) card);
                case DEPLOYMENT -> deployments.add((Deployment) card);
            }
        }
        return new Snapshot(source.label(), config, owners, models, deployments, files, findings);
    }

    /** What one entry gave: a file and the card bound from it, or a finding, or nothing. */
    private record Outcome(Optional<RegistryFile> file, Optional<Finding> finding, Optional<Object> card) {
        Outcome(Optional<RegistryFile> file, Optional<Finding> finding) {
            this(file, finding, Optional.empty());
        }

        static Outcome skip() {
            return new Outcome(Optional.empty(), Optional.empty());
        }

        static Outcome rejected(Finding f) {
            return new Outcome(Optional.empty(), Optional.of(f));
        }

        /** This outcome with its file's card bound. */
        Outcome bound() {
            return file.map(f -> new Outcome(file, finding, Optional.<Object>of(switch (f.kind()) {
                case REGISTRY -> CardBinder.config(f.document().root());
                case OWNERS -> CardBinder.owners(f.document().root());
                case MODEL -> CardBinder.model(f.path(), f.document().root());
                case DEPLOYMENT -> CardBinder.deployment(f.path(), f.document().root());
            }))).orElse(this);
        }
    }

    private Outcome readEntry(SourceEntry e, Function<SourceEntry, Optional<String>> known) {
        String path = e.path();
        switch (e.type()) {
            case SYMLINK:
                return Outcome.rejected(Finding.error("path-symlink", path, Location.START, "",
                        "symbolic links are not allowed in a registry (a link may point outside the registry root)",
                        "replace the link with the file itself"));
            case CONFLICT:
                return Outcome.rejected(Finding.error("path-conflict", path, Location.START, "",
                        "unresolved merge conflict", "resolve the conflict and `git add` the file"));
            case OTHER:
                return CardKind.forPath(path).isPresent()
                        ? Outcome.rejected(Finding.error("path-not-file", path, Location.START, "",
                                "not a regular file", "registry files must be plain files"))
                        : Outcome.skip();
            default:
                break;
        }
        Optional<CardKind> kind = CardKind.forPath(path);
        if (kind.isEmpty()) {
            return Outcome.skip();
        }
        Optional<Finding> tooLarge = StrictYamlReader.checkSize(path, e.size());
        if (tooLarge.isPresent()) {
            return Outcome.rejected(tooLarge.get());
        }
        if (!cache.enabled()) {
            byte[] bytes = read(e);
            return outcome(path, kind.get(), yaml.read(path, bytes), "", e.content().unchangedFrom(bytes));
        }
        // A captured entry known by its stamp is not read at all when the cache has its tree:
        // its bytes are read only if a finding needs positions in it.
        Optional<String> knownSha256 = known.apply(e);
        byte[] bytes = knownSha256.isPresent() ? null : read(e);
        String sha256 = knownSha256.orElseGet(() -> FileCache.sha256(bytes));
        // Documents read their bytes again for positions rather than hold them: held, the texts
        // are a quarter of what 10,000 cards keep in memory, and of what the collector copies.
        SourceEntry.Content again = bytes == null ? e.content() : e.content().unchangedFrom(bytes);
        Optional<FileCache.Parse> cached = cache.parse(sha256, kind.get());
        if (cached.isPresent()) {
            if (cached.get() instanceof FileCache.Refused refused) {
                Finding f = refused.finding();
                return Outcome.rejected(new Finding(f.ruleId(), f.severity(), path, f.line(), f.column(), f.pointer(),
                        f.message(), f.hint(), f.related()));
            }
            YamlDocument doc = yaml.document(path, ((FileCache.Tree) cached.get()).root(), again);
            return new Outcome(Optional.of(new RegistryFile(path, kind.get(), doc, sha256)), Optional.empty());
        }
        StrictYamlReader.Result r = yaml.read(path, bytes == null ? read(e) : bytes);
        if (r instanceof StrictYamlReader.Rejected rej) {
            cache.rememberRefused(sha256, kind.get(), rej.finding());
        } else {
            cache.rememberTree(sha256, kind.get(), ((StrictYamlReader.Parsed) r).document().root());
        }
        return outcome(path, kind.get(), r, sha256, again);
    }

    private static byte[] read(SourceEntry e) {
        try {
            return e.content().read();
        } catch (IOException ex) {
            throw new dev.registry.EnvironmentException("cannot read " + e.path() + ": " + ex.getMessage(), ex);
        }
    }

    /** What a reading gave; a document finds its positions in the bytes {@code again} gives. */
    private Outcome outcome(String path, CardKind kind, StrictYamlReader.Result r, String sha256, SourceEntry.Content again) {
        if (r instanceof StrictYamlReader.Rejected rej) {
            return Outcome.rejected(rej.finding());
        }
        YamlDocument doc = yaml.document(path, ((StrictYamlReader.Parsed) r).document().root(), again);
        return new Outcome(Optional.of(new RegistryFile(path, kind, doc, sha256)), Optional.empty());
    }
}
