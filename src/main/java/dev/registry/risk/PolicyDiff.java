package dev.registry.risk;

import dev.registry.card.ModelCard;
import dev.registry.card.RiskTier;
import dev.registry.finding.Finding;
import dev.registry.source.RegistryFile;
import dev.registry.source.Snapshot;
import dev.registry.source.SnapshotReader;
import dev.registry.source.Source;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which model versions a policy change moves to another tier: today's cards assessed under the
 * registry.yaml policy of another source (a past commit) and under the current one, so that a
 * policy change is reviewed with its impact. The default policy is the tool's own on both sides.
 *
 * @param before  what the earlier policy was read from ("commit 1a2b3c4 (HEAD~1)")
 * @param checked how many model versions were assessed
 * @param notes   what the reader should know about the earlier policy (absent, unreadable, invalid)
 */
public record PolicyDiff(String before, int checked, List<Change> changes, List<String> notes) {

    public PolicyDiff {
        changes = List.copyOf(changes);
        notes = List.copyOf(notes);
    }

    /** One model version whose computed tier differs, with the tier-giving rules that appeared or went. */
    public record Change(ModelCard card, RiskTier before, RiskTier after, List<RuleMatch> added, List<RuleMatch> removed) {
        public Change {
            added = List.copyOf(added);
            removed = List.copyOf(removed);
        }
    }

    /**
     * Compares the policy in {@code earlier} (only its registry.yaml is read) with the one in force
     * in {@code now}, over the given models of {@code now}.
     */
    public static PolicyDiff compute(Snapshot now, Source earlier, List<ModelCard> models, LocalDate today) {
        Snapshot old = new SnapshotReader().read(registryYamlOnly(earlier));
        Optional<RegistryFile> oldYaml = Optional.ofNullable(old.files().get("registry.yaml"));
        List<String> notes = new ArrayList<>();
        old.readFindings().forEach(f -> notes.add("registry.yaml in the " + old.label() + " cannot be read (" + f.message()
                + "); comparing with the default policy alone"));
        if (oldYaml.isEmpty() && old.readFindings().isEmpty()) {
            notes.add("there is no registry.yaml in the " + old.label() + "; comparing with the default policy alone");
        }
        PolicyReader.Loaded before = PolicyReader.forRegistry(oldYaml);
        List<Finding> problems = new ArrayList<>(PolicyReader.schemaFindings(oldYaml));
        problems.addAll(before.findings());
        problems.forEach(f -> notes.add("registry.yaml in the " + old.label() + ", line " + f.line() + ": " + f.message()
                + " [" + f.ruleId() + "]; that part of its policy is left out"));

        RiskEngine then = RiskEngine.of(before.policy(), now.owners(), today);
        RiskEngine current = RiskEngine.of(now, today);
        List<Change> changes = new ArrayList<>();
        for (ModelCard m : models.stream().sorted(RiskInventory.ORDER).toList()) {
            RiskAssessment a = then.assess(m);
            RiskAssessment b = current.assess(m);
            if (a.computed() != b.computed()) {
                changes.add(new Change(m, a.computed(), b.computed(), minus(b.rules(), a.rules()), minus(a.rules(), b.rules())));
            }
        }
        return new PolicyDiff(old.label(), models.size(), changes, notes);
    }

    private static List<RuleMatch> minus(List<RuleMatch> a, List<RuleMatch> b) {
        Set<String> ids = b.stream().map(RuleMatch::id).collect(Collectors.toSet());
        return a.stream().filter(r -> !ids.contains(r.id())).toList();
    }

    private static Source registryYamlOnly(Source source) {
        return new Source() {
            @Override
            public String label() {
                return source.label();
            }

            @Override
            public List<dev.registry.source.SourceEntry> entries() {
                return source.entries().stream().filter(e -> e.path().equals("registry.yaml")).toList();
            }
        };
    }
}
