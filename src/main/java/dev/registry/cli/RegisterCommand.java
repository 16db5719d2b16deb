package dev.registry.cli;

import dev.registry.UsageException;
import dev.registry.card.ModelRef;
import dev.registry.card.SemVer;
import dev.registry.check.NearestName;
import dev.registry.edit.ModelDraft;
import dev.registry.edit.ModelField;
import dev.registry.edit.ModelRegistration;
import dev.registry.edit.WritePlan;
import dev.registry.query.KnownValues;
import dev.registry.source.Snapshot;
import dev.registry.source.SnapshotReader;
import dev.registry.source.WorkingTreeSource;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code registry register}: a new model card, from flags, from prompts, or copied forward from another version. */
@Command(name = "register",
        description = {"Register a new model version, from flags, prompts or an existing version.",
                "Writes models/<name>/<version>.yaml from flags, or copies an existing version forward with --from."
                        + " The card is validated with the whole registry before it is written; an existing version is"
                        + " never overwritten.",
                "Run in a terminal without --name, --version, --provider or --owner, it asks for them."},
        footerHeading = "%nExamples:%n",
        footer = {"  registry register --name credit-scorer --version 1.0.0 --provider internal \\",
                "      --owner team:credit-risk-ml --use-domain credit \\",
                "      --capability classification,creditworthiness",
                "  registry register --from credit-scorer@1.0.0 --bump minor --commit"})
final class RegisterCommand implements Callable<Integer> {

    @ParentCommand
    RegistryCommand root;

    @Mixin
    WriteOptions write = WriteOptions.committing("register credit-scorer@2.1.0");

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Option(names = "--name", paramLabel = "<name>", description = "Model name, lowercase kebab-case.")
    String name;

    @Option(names = "--version", paramLabel = "<version>", description = "SemVer version, such as 2.1.0.")
    String version;

    @Option(names = "--provider", paramLabel = "<provider>", description = "internal, openai, anthropic, huggingface, ...")
    String provider;

    @Option(names = "--description", paramLabel = "<text>", description = "What the model is and does, in a sentence or two.")
    String description;

    @Option(names = "--modality", paramLabel = "<m>", split = ",",
            description = "text, image, audio, video, tabular, multimodal, embedding (repeatable).")
    List<String> modality = new ArrayList<>();

    @Option(names = "--capability", paramLabel = "<c>", split = ",", description = "Capability identifier (repeatable).")
    List<String> capabilities = new ArrayList<>();

    @Option(names = "--use-domain", paramLabel = "<d>", split = ",", description = "Use domain from the vocabulary (repeatable).")
    List<String> useDomains = new ArrayList<>();

    @Option(names = "--data-tag", paramLabel = "<t>", split = ",", description = "Data classification such as pii (repeatable).")
    List<String> dataTags = new ArrayList<>();

    @Option(names = "--owner", paramLabel = "<owner>", split = ",",
            description = "team:<id> or a person's email from owners.yaml (repeatable).")
    List<String> owners = new ArrayList<>();

    @Option(names = "--intended-use", paramLabel = "<text>", description = "What the model is for (repeatable).")
    List<String> intendedUse = new ArrayList<>();

    @Option(names = "--disallowed-use", paramLabel = "<text>", description = "What it must not be used for (repeatable).")
    List<String> disallowedUse = new ArrayList<>();

    @Option(names = "--context-window", paramLabel = "<tokens>", description = "Context window of an LLM, in tokens.")
    Long contextWindow;

    @Option(names = "--data-residency", paramLabel = "<region>", split = ",",
            description = "Region or area where data may be processed: eu, eu-west, eu-west-1 (repeatable).")
    List<String> dataResidency = new ArrayList<>();

    @Option(names = "--fallback", paramLabel = "<model@version>", split = ",", description = "Fallback model version (repeatable).")
    List<String> fallbacks = new ArrayList<>();

    @Option(names = "--stage", paramLabel = "<stage>", description = "Lifecycle stage of the new card (default: experimental).")
    String stage;

    @Option(names = "--from", paramLabel = "<model@version>",
            description = "Copy this card forward (comments kept; stage reset to experimental; approvals, evaluations,"
                    + " evidence, lineage.artifact, deprecation and a signed risk derogation cleared: they belong to the old"
                    + " version); other flags replace copied fields.")
    String from;

    @Option(names = "--bump", paramLabel = "<part>", description = "With --from: the new version raises major, minor or patch.")
    String bump;

    @Override
    public Integer call() {
        Path registryRoot = root.registryRoot();
        ModelDraft draft = draft();
        WritePlan plan;
        if (from != null) {
            ModelRef ref = ModelRef.parse(from).orElseThrow(() -> new UsageException("--from takes model@version, not `" + from + "`"));
            plan = ModelRegistration.copy(ref, Optional.ofNullable(version), Optional.ofNullable(bump), draft);
        } else {
            if (bump != null) {
                throw new UsageException("--bump raises the version of the card given with --from");
            }
            if (!draft.missing().isEmpty()) {
                if (!root.interactive) {
                    throw new UsageException("missing " + draft.missing().stream().map(ModelField::option)
                            .collect(Collectors.joining(", ")) + "; give them, or run `registry register` in a terminal to be asked");
                }
                ask(registryRoot, draft);
            }
            plan = ModelRegistration.fresh(draft);
        }
        return write.execute(root, registryRoot, plan);
    }

    private ModelDraft draft() {
        ModelDraft d = new ModelDraft();
        text(d, ModelField.NAME, name);
        text(d, ModelField.VERSION, version);
        text(d, ModelField.PROVIDER, provider);
        text(d, ModelField.DESCRIPTION, description);
        text(d, ModelField.STAGE, stage);
        d.list(ModelField.MODALITY, modality);
        d.list(ModelField.CAPABILITIES, capabilities);
        d.list(ModelField.USE_DOMAINS, useDomains);
        d.list(ModelField.DATA_TAGS, dataTags);
        d.list(ModelField.OWNERS, owners);
        d.list(ModelField.INTENDED_USE, intendedUse);
        d.list(ModelField.DISALLOWED_USE, disallowedUse);
        d.list(ModelField.DATA_RESIDENCY, dataResidency);
        d.list(ModelField.FALLBACKS, fallbacks);
        if (contextWindow != null) {
            d.number(ModelField.CONTEXT_WINDOW, contextWindow);
        }
        return d;
    }

    private static void text(ModelDraft d, ModelField f, String value) {
        if (value != null) {
            d.text(f, value);
        }
    }

    /** Asks for the required fields not given, then for the classification fields when none were given. */
    private void ask(Path registryRoot, ModelDraft draft) {
        Snapshot snapshot = new SnapshotReader().read(new WorkingTreeSource(registryRoot));
        KnownValues known = KnownValues.of(snapshot, LocalDate.now());
        Prompter p = new Prompter(root.in, root.err);
        root.err.println("Registering a model version in " + registryRoot + " (Ctrl-D to stop).");
        if (!draft.has(ModelField.NAME)) {
            List<String> names = snapshot.models().stream().map(m -> m.name()).distinct().sorted().toList();
            draft.text(ModelField.NAME, p.ask("model name", "--name", names, n -> problem(() -> ModelRegistration.checkName(n))));
        }
        String model = draft.text(ModelField.NAME).orElseThrow();
        if (!draft.has(ModelField.VERSION)) {
            List<String> versions = snapshot.versionsOf(model).stream().map(m -> m.version()).toList();
            String latest = snapshot.versionsOf(model).stream().map(m -> m.semVer()).flatMap(Optional::stream)
                    .max(SemVer::compareTo).map(v -> " (latest " + v + ")").orElse("");
            draft.text(ModelField.VERSION, p.ask("version" + latest, "--version", List.of(), v -> problem(() -> ModelRegistration.checkVersion(v, "version"))
                    .or(() -> versions.contains(v) ? Optional.of(model + "@" + v + " is already registered") : Optional.empty())));
        }
        if (!draft.has(ModelField.PROVIDER)) {
            draft.text(ModelField.PROVIDER, p.ask("provider", "--provider", known.providers(), v -> Optional.empty()));
        }
        if (!draft.has(ModelField.OWNERS)) {
            draft.list(ModelField.OWNERS, p.askList("owners", "--owner", known.owners(), true,
                    o -> known.owners().contains(o) ? Optional.empty() : Optional.of("`" + o + "` is not in owners.yaml"
                            + Optional.of(NearestName.didYouMean(o, known.owners())).filter(h -> !h.isEmpty()).map(h -> "; " + h).orElse(""))));
        }
        if (!draft.has(ModelField.DESCRIPTION)) {
            p.askOptional("description", "--description").ifPresent(d -> draft.text(ModelField.DESCRIPTION, d));
        }
        askList(p, draft, ModelField.MODALITY, "modality", known.modalities());
        askList(p, draft, ModelField.CAPABILITIES, "capabilities", known.capabilities());
        askList(p, draft, ModelField.USE_DOMAINS, "use domains", known.useDomains());
        askList(p, draft, ModelField.DATA_TAGS, "data tags", known.dataTags());
    }

    private static void askList(Prompter p, ModelDraft draft, ModelField f, String label, List<String> known) {
        if (!draft.has(f)) {
            draft.list(f, p.askList(label, f.option(), known, false, v -> Optional.empty()));
        }
    }

    private static Optional<String> problem(Runnable check) {
        try {
            check.run();
            return Optional.empty();
        } catch (UsageException e) {
            return Optional.of(e.getMessage());
        }
    }
}
