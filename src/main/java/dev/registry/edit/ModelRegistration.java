package dev.registry.edit;

import dev.registry.UsageException;
import dev.registry.card.CardKind;
import dev.registry.card.ModelCard;
import dev.registry.card.ModelRef;
import dev.registry.card.SemVer;
import dev.registry.card.Stage;
import dev.registry.finding.Finding;
import dev.registry.finding.Location;
import dev.registry.source.RegistryFile;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Plans {@code register}: a new model card from given fields, or an existing card copied forward to a new version. */
public final class ModelRegistration {

    private static final Pattern NAME = Pattern.compile("^[a-z0-9]([a-z0-9-]{0,62}[a-z0-9])?$");

    private ModelRegistration() {
    }

    /** A new card holding the draft's fields, at stage experimental unless the draft says otherwise. */
    public static WritePlan fresh(ModelDraft draft) {
        if (!draft.missing().isEmpty()) {
            throw new IllegalArgumentException("missing " + draft.missing());
        }
        String name = checkName(draft.text(ModelField.NAME).orElseThrow());
        String version = checkVersion(draft.text(ModelField.VERSION).orElseThrow(), "--version");
        return state -> {
            ModelRef ref = new ModelRef(name, version);
            String path = pathOf(ref);
            Optional<Finding> exists = exists(state, ref, path);
            if (exists.isPresent()) {
                return ChangeSet.refused("register " + ref, List.of(exists.get()));
            }
            return ChangeSet.of("register " + ref, List.of(FileChange.create(path,
                    render(header(state, CardKind.MODEL, "../../"), draft))));
        };
    }

    /** The text of a new card for the draft; shared with import so both write the same cards. */
    static String render(List<String> header, ModelDraft draft) {
        Map<String, YamlValue> fields = new LinkedHashMap<>();
        fields.put("apiVersion", YamlValue.text("registry/v1"));
        fields.put("kind", YamlValue.text("Model"));
        fields.putAll(draft.toMapping().entries());
        if (!draft.has(ModelField.STAGE)) {
            fields.put("lifecycle", new YamlValue.Mapping(Map.of("stage", YamlValue.text(Stage.EXPERIMENTAL.id()))));
        }
        return YamlText.document(header, new YamlValue.Mapping(fields), KeyOrder.of(CardKind.MODEL));
    }

    /**
     * A copy of {@code from} as a new version: lifecycle back to experimental, approvals,
     * evaluations, release evidence, the artifact ({@code lineage.artifact}), any deprecation
     * notice and any signed risk derogation cleared (they were about the old version), every
     * other comment kept; fields the draft gives replace the copied ones.
     *
     * @param version the new version, or empty to use {@code bump}
     * @param bump    major, minor or patch: the part of {@code from}'s version to raise
     */
    public static WritePlan copy(ModelRef from, Optional<String> version, Optional<String> bump, ModelDraft overrides) {
        checkName(from.name());
        if (version.isPresent() == bump.isPresent()) {
            throw new UsageException("--from needs exactly one of --version <new version> and --bump major|minor|patch");
        }
        overrides.text(ModelField.NAME).filter(n -> !n.equals(from.name())).ifPresent(n -> {
            throw new UsageException("--from " + from + " copies a version of " + from.name() + "; --name " + n
                    + " would start another model: register it without --from");
        });
        String target = version.map(v -> checkVersion(v, "--version")).orElseGet(() -> {
            SemVer old = SemVer.parse(from.version()).orElseThrow(() -> new UsageException(
                    "cannot --bump " + from + ": `" + from.version() + "` is not a SemVer version; give --version"));
            if (!List.of("major", "minor", "patch").contains(bump.get())) {
                throw new UsageException("--bump takes major, minor or patch, not `" + bump.get() + "`");
            }
            return old.bump(bump.get()).text();
        });
        return state -> {
            ModelRef ref = new ModelRef(from.name(), target);
            String message = "register " + ref + " from " + from.version();
            Optional<ModelCard> found = state.snapshot().model(from);
            if (found.isEmpty()) {
                // The card is there but does not parse: its located error is what to fix, not "no such version".
                List<Finding> why = state.snapshot().readFindings().stream().filter(f -> f.path().equals(pathOf(from))).toList();
                if (!why.isEmpty()) {
                    return ChangeSet.refused(message, why);
                }
                throw new UsageException("--from " + from + ": no such model version" + known(state, from.name()));
            }
            ModelCard source = found.get();
            String text = state.text(source.path()).orElseThrow(() -> new UsageException(
                    "--from " + from + ": " + source.path() + " cannot be read; run `registry validate`"));
            String path = pathOf(ref);
            Optional<Finding> exists = exists(state, ref, path);
            if (exists.isPresent()) {
                return ChangeSet.refused(message, List.of(exists.get()));
            }
            CardEditor card = CardEditor.of(text, KeyOrder.of(CardKind.MODEL))
                    .set(List.of("version"), YamlValue.text(target))
                    .set(List.of("lifecycle", "stage"), YamlValue.text(Stage.EXPERIMENTAL.id()))
                    .remove(List.of("lifecycle", "deprecation"))
                    .remove(List.of("approvals"))
                    .remove(List.of("evaluations"))
                    // Release evidence and the artifact digest describe the old version's build: a
                    // new version copied with them would meet the gates on evidence nobody produced
                    // for it, and name a binary it is not.
                    .remove(List.of("evidence"))
                    .remove(List.of("lineage", "artifact"))
                    // A derogation is a reviewer's sign-off on one version, like an approval.
                    .remove(List.of("risk", "derogation"));
            overrides.values().forEach((f, v) -> {
                if (f != ModelField.NAME && f != ModelField.VERSION) {
                    card.set(f.path(), v);
                }
            });
            return ChangeSet.of(message, List.of(FileChange.create(path, card.text())));
        };
    }

    public static String pathOf(ModelRef ref) {
        return "models/" + ref.name() + "/" + ref.version() + ".yaml";
    }

    /** Whether the text is a valid model or deployment name. */
    public static boolean isName(String name) {
        return NAME.matcher(name).matches();
    }

    /** A model name fit for a path: checked before any path is built from it. */
    public static String checkName(String name) {
        return checkName(name, "model", "credit-scorer");
    }

    /** A deployment name fit for a path, named as one in the error. */
    public static String checkDeploymentName(String name) {
        return checkName(name, "deployment", "loan-origination-eu-prod");
    }

    private static String checkName(String name, String kind, String example) {
        if (!isName(name)) {
            throw new UsageException(kind + " name `" + name + "` must be lowercase kebab-case: a-z, 0-9 and inner dashes,"
                    + " 1 to 64 characters (such as " + example + ")");
        }
        return name;
    }

    public static String checkVersion(String version, String option) {
        if (SemVer.parse(version).isEmpty()) {
            String hint = version.matches("\\d+\\.\\d+") ? "; did you mean " + version + ".0?" : "";
            throw new UsageException(option + " `" + version + "` is not a SemVer 2.0 version"
                    + " (MAJOR.MINOR.PATCH, such as 2.1.0 or 1.0.0-rc.1)" + hint);
        }
        return version;
    }

    private static Optional<Finding> exists(RegistryState state, ModelRef ref, String path) {
        Optional<ModelCard> existing = state.snapshot().model(ref);
        if (existing.isEmpty() && !state.exists(path)) {
            return Optional.empty();
        }
        String at = existing.map(ModelCard::path).orElse(path);
        RegistryFile file = state.snapshot().files().get(at);
        Location loc = file == null ? Location.START : file.document().valueAt("/version");
        List<String> versions = new ArrayList<>(state.snapshot().versionsOf(ref.name()).stream()
                .map(ModelCard::semVer).flatMap(Optional::stream).sorted().map(SemVer::text).toList());
        String hint = versions.isEmpty() ? "register a new version instead, with another --version"
                : "register a new version instead: `registry register --from " + ref.name() + "@" + versions.get(versions.size() - 1)
                        + " --bump major|minor|patch` copies the latest forward, or give another --version";
        return Optional.of(Finding.error("version-exists", at, loc, "/version",
                ref + " is already registered; `register` never overwrites a version", hint));
    }

    private static String known(RegistryState state, String name) {
        List<String> versions = state.snapshot().versionsOf(name).stream().map(ModelCard::version).sorted().toList();
        return versions.isEmpty() ? " (the registry has no model `" + name + "`)" : " (known versions: " + String.join(", ", versions) + ")";
    }

    /** The editor modeline for new cards, when the registry keeps the schemas `registry init` wrote. */
    static List<String> header(RegistryState state, CardKind kind, String up) {
        String schema = RegistryScaffold.SCHEMA_DIR + "/" + kind.schemaFile();
        return Files.isRegularFile(state.root().resolve(schema))
                ? List.of("yaml-language-server: $schema=" + up + schema) : List.of();
    }
}
