package dev.registry.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.registry.finding.Finding;
import dev.registry.finding.Severity;
import dev.registry.testing.MemorySource;
import dev.registry.testing.Registries;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** One test per rule that fires, and one where the same situation just misses it. */
class ConsistencyCheckTest {

    static final LocalDate TODAY = LocalDate.of(2026, 10, 1);
    static final String M = "models/credit-scorer/1.0.0.yaml";

    private static List<Finding> run(MemorySource source) {
        return new ConsistencyCheck(TODAY).run(source.snapshot());
    }

    private static List<Finding> rule(MemorySource source, String rule) {
        return run(source).stream().filter(f -> f.ruleId().equals(rule)).toList();
    }

    private static Finding only(MemorySource source, String rule) {
        List<Finding> all = run(source);
        List<Finding> matching = all.stream().filter(f -> f.ruleId().equals(rule)).toList();
        assertEquals(1, matching.size(), "expected one " + rule + " in\n" + show(all));
        return matching.get(0);
    }

    private static void none(MemorySource source) {
        List<Finding> all = run(source);
        assertEquals(List.of(), all, show(all));
    }

    private static String show(List<Finding> all) {
        return all.stream().map(Finding::toString).collect(Collectors.joining("\n"));
    }

    private static MemorySource base() {
        return MemorySource.minimal().model("credit-scorer", "1.0.0", "experimental", "");
    }

    private static void at(Finding f, String path, int line, int column, String pointer) {
        assertEquals(path + ":" + line + ":" + column + " " + pointer,
                f.path() + ":" + f.line() + ":" + f.column() + " " + f.pointer(), f.toString());
    }

    @Test
    void aSmallValidRegistryHasNoFindings() {
        none(base());
    }

    // registry-missing, owners-missing

    @Test
    void registryYamlMustExist() {
        Finding f = only(base().without("registry.yaml"), "registry-missing");
        at(f, "registry.yaml", 1, 1, "");
        assertEquals("registry.yaml is missing from the memory", f.message());
    }

    @Test
    void ownersYamlMustExist() {
        only(base().without("owners.yaml"), "owners-missing");
    }

    @Test
    void anUnreadableRegistryYamlIsNotAlsoMissing() {
        List<Finding> all = run(base().with("registry.yaml", "a: *x\n"));
        assertTrue(all.stream().noneMatch(f -> f.ruleId().equals("registry-missing")), show(all));
    }

    // path-mismatch

    @Test
    void aCardMustLiveAtItsNameAndVersion() {
        Finding version = only(base().with("models/credit-scorer/1.0.1.yaml", Registries.model("credit-scorer", "1.0.2")),
                "path-mismatch");
        at(version, "models/credit-scorer/1.0.1.yaml", 4, 10, "/version");
        assertEquals("card for credit-scorer@1.0.2 must be stored at models/credit-scorer/1.0.2.yaml", version.message());

        Finding name = only(base().with("models/scorer/1.0.1.yaml", Registries.model("credit-scorer", "1.0.1")), "path-mismatch");
        at(name, "models/scorer/1.0.1.yaml", 3, 7, "/name");
    }

    @Test
    void aDeploymentMustLiveAtItsName() {
        none(base().deployment("scoring", "credit-scorer", "1.0.0", "dev"));
        Finding f = only(base().with("deployments/other.yaml", MemorySource.deploymentCard("scoring", "credit-scorer", "1.0.0", "dev")),
                "path-mismatch");
        at(f, "deployments/other.yaml", 3, 7, "/name");
        assertEquals("deployment `scoring` must be stored at deployments/scoring.yaml", f.message());
    }

    // name-reserved

    @Test
    void windowsReservedNamesAreRefused() {
        Finding f = only(MemorySource.minimal().model("con", "1.0.0", "experimental", ""), "name-reserved");
        at(f, "models/con/1.0.0.yaml", 3, 7, "/name");
        none(MemorySource.minimal().model("cons", "1.0.0", "experimental", "").model("com0", "1.0.0", "experimental", ""));
    }

    // path-case-collision

    @Test
    void pathsThatDifferOnlyInCaseCollide() {
        Finding f = only(base().with("models/Credit-scorer/1.0.0.yaml", Registries.model("credit-scorer", "1.0.0")),
                "path-case-collision");
        assertEquals(M, f.path());
        assertEquals(List.of("models/Credit-scorer/1.0.0.yaml"), f.related());
        assertTrue(rule(base().model("credit-scorer", "1.0.1", "experimental", ""), "path-case-collision").isEmpty());
    }

    @Test
    void pathsThatDifferOnlyInUnicodeFormCollide() {
        MemorySource s = base().with("deployments/caf\u00e9.yaml", "kind: x\n").with("deployments/cafe\u0301.yaml", "kind: x\n");
        only(s, "path-case-collision");
    }

    // duplicate-name

    @Test
    void aModelVersionDefinedTwiceIsADuplicate() {
        Finding f = only(base().with("models/credit-scorer/1.0.0.yml", Registries.model("credit-scorer", "1.0.0")), "duplicate-name");
        at(f, "models/credit-scorer/1.0.0.yml", 4, 10, "/version");
        assertEquals(List.of(M), f.related());
        assertTrue(rule(base().model("credit-scorer", "1.0.1", "experimental", ""), "duplicate-name").isEmpty());
    }

    @Test
    void aDeploymentNameUsedTwiceIsADuplicate() {
        MemorySource s = base().deployment("scoring", "credit-scorer", "1.0.0", "dev");
        s.with("deployments/scoring.yml", MemorySource.deploymentCard("scoring", "credit-scorer", "1.0.0", "dev"));
        Finding f = only(s, "duplicate-name");
        at(f, "deployments/scoring.yml", 3, 7, "/name");
    }

    @Test
    void aTeamDefinedTwiceIsADuplicate() {
        MemorySource s = base().with("owners.yaml", Registries.OWNERS.replace("people:", "  - {id: ml-platform, name: Again}\npeople:"));
        Finding f = only(s, "duplicate-name");
        at(f, "owners.yaml", 7, 10, "/teams/1/id");
        none(base().with("owners.yaml", Registries.OWNERS.replace("people:", "  - {id: ml-platform-2, name: Other}\npeople:")));
    }

    @Test
    void anEmailStandsForOnePersonOnly() {
        MemorySource s = base().with("owners.yaml", Registries.OWNERS
                + "  - {email: erin@example.com, name: Erin, aliases: [Alice@Example.com]}\n");
        Finding f = only(s, "duplicate-name");
        assertEquals("`Alice@Example.com` belongs to more than one person", f.message());
        none(base().with("owners.yaml", Registries.OWNERS + "  - {email: erin@example.com, name: Erin, aliases: [erin@old.example.com]}\n"));
    }

    // owner-unknown

    @Test
    void ownersMustBeDefined() {
        Finding f = only(MemorySource.minimal().with(M, Registries.model("credit-scorer", "1.0.0").replace("team:ml-platform", "team:ml-platfrom")),
                "owner-unknown");
        at(f, M, 6, 10, "/owners/0");
        assertEquals("did you mean `team:ml-platform`?", f.hint());
        assertEquals(List.of("owners.yaml"), f.related());
    }

    @Test
    void aPersonIsFoundByEmailOrAliasInAnyCase() {
        MemorySource s = MemorySource.minimal()
                .with("owners.yaml", Registries.OWNERS.replace("name: Alice Engineer,", "name: Alice Engineer, aliases: [a.e@example.org],"))
                .with(M, Registries.model("credit-scorer", "1.0.0").replace("team:ml-platform", "A.E@example.org"));
        none(s);
        Finding f = only(MemorySource.minimal().with(M, Registries.model("credit-scorer", "1.0.0").replace("team:ml-platform", "a.e@example.org")),
                "owner-unknown");
        assertEquals("owner `a.e@example.org` is not defined in owners.yaml", f.message());
    }

    @Test
    void incidentOwnersAndDeploymentOwnersMustBeDefined() {
        at(only(base().model("credit-scorer", "1.0.1", "experimental", "operations: {incidentOwner: team:oncall}\n"), "owner-unknown"),
                "models/credit-scorer/1.0.1.yaml", 9, 29, "/operations/incidentOwner");
        Finding d = only(base().with("deployments/scoring.yaml",
                MemorySource.deploymentCard("scoring", "credit-scorer", "1.0.0", "dev").replace("team:ml-platform", "team:nobody")),
                "owner-unknown");
        at(d, "deployments/scoring.yaml", 8, 10, "/owners/0");
    }

    @Test
    void teamMembersMustBePeople() {
        Finding f = only(base().with("owners.yaml", Registries.OWNERS.replace("bob@example.com]", "bob@example.com, zed@example.com]")),
                "owner-unknown");
        at(f, "owners.yaml", 6, 51, "/teams/0/members/2");
    }

    @Test
    void approversMustBePeople() {
        String approval = "approvals:\n  - {stage: staging, by: %s, date: 2026-09-01}\n";
        Finding f = only(base().model("credit-scorer", "1.0.1", "staging", approval.formatted("eve@example.com")), "owner-unknown");
        at(f, "models/credit-scorer/1.0.1.yaml", 10, 26, "/approvals/0/by");
        none(base().model("credit-scorer", "1.0.1", "staging", approval.formatted("carol@example.com")));
        // Not an email at all: the schema says so, this check stays quiet.
        assertTrue(rule(base().model("credit-scorer", "1.0.1", "staging", approval.formatted("carol")), "owner-unknown").isEmpty());
    }

    @Test
    void withoutOwnersYamlOwnerReferencesAreNotCheckedOneByOne() {
        List<Finding> all = run(base().without("owners.yaml"));
        assertEquals(List.of("owners-missing"), all.stream().map(Finding::ruleId).toList(), show(all));
    }

    // fallback-self, reference-unknown, fallback-retired

    @Test
    void aFallbackIsAnotherVersion() {
        Finding f = only(base().model("credit-scorer", "1.0.1", "experimental", "fallbacks: [credit-scorer@1.0.1]\n"), "fallback-self");
        at(f, "models/credit-scorer/1.0.1.yaml", 9, 13, "/fallbacks/0");
        none(base().model("credit-scorer", "1.0.1", "experimental", "fallbacks: [credit-scorer@1.0.0]\n"));
    }

    @Test
    void aFallbackMustExist() {
        Finding f = only(base().model("credit-scorer", "1.0.1", "experimental", "fallbacks: [credit-scorer@0.9.0]\n")
                .model("credit-scorer", "1.10.0", "experimental", "").model("credit-scorer", "1.9.0", "experimental", ""),
                "reference-unknown");
        assertEquals("fallback credit-scorer@0.9.0 is not in the registry", f.message());
        assertEquals("known versions of credit-scorer: 1.0.0, 1.0.1, 1.9.0, 1.10.0", f.hint());
    }

    @Test
    void referencesToACardThatDoesNotReadAreNotReportedAgain() {
        // version: 1.10 reads as a number: the card's own schema finding is the one to fix.
        MemorySource numeric = MemorySource.minimal()
                .with("models/credit-scorer/1.10.0.yaml", Registries.model("credit-scorer", "1.10"))
                .model("credit-scorer", "2.0.0", "experimental", "fallbacks: [credit-scorer@1.10.0]\n")
                .deployment("scoring", "credit-scorer", "1.10.0", "dev");
        assertEquals(List.of(), rule(numeric, "reference-unknown"));
        MemorySource unreadable = MemorySource.minimal()
                .with(M, "apiVersion: registry/v1\nname: [credit-scorer\n")
                .deployment("scoring", "credit-scorer", "1.0.0", "dev");
        assertEquals(List.of(), rule(unreadable, "reference-unknown"));
        // Without any file there, the reference is reported.
        only(MemorySource.minimal().deployment("scoring", "credit-scorer", "1.0.0", "dev"), "reference-unknown");
    }

    @Test
    void anUnknownModelNameSuggestsTheNearestOne() {
        Finding f = only(base().model("fraud-detector", "1.0.0", "experimental", "fallbacks: [credit-scorr@1.0.0]\n"), "reference-unknown");
        assertEquals("did you mean `credit-scorer`?", f.hint());
    }

    @Test
    void aFallbackMustNotBeRetired() {
        String retired = "  deprecation: {announced: 2026-01-01, retireAfter: 2026-06-01}\n";
        MemorySource s = MemorySource.minimal().model("credit-scorer", "1.0.0", "retired", retired)
                .model("credit-scorer", "1.0.1", "experimental", "fallbacks: [credit-scorer@1.0.0]\n");
        Finding f = only(s, "fallback-retired");
        assertEquals(List.of(M), f.related());
        none(MemorySource.minimal().model("credit-scorer", "1.0.0", "deprecated", retired.replace("}", ", replacement: credit-scorer@1.0.1}"))
                .model("credit-scorer", "1.0.1", "experimental", "fallbacks: [credit-scorer@1.0.0]\n"));
    }

    @Test
    void aReplacementMustExist() {
        String dep = "  deprecation: {announced: 2026-01-01, retireAfter: 2026-06-01, replacement: credit-scorer@%s}\n";
        Finding f = only(MemorySource.minimal().model("credit-scorer", "1.0.0", "deprecated", dep.formatted("2.0.0")), "reference-unknown");
        at(f, M, 9, 78, "/lifecycle/deprecation/replacement");
        none(MemorySource.minimal().model("credit-scorer", "1.0.0", "deprecated", dep.formatted("2.0.0"))
                .model("credit-scorer", "2.0.0", "experimental", ""));
    }

    @Test
    void aBaseModelInTheRegistryMustResolveButAnExternalOneNeedNot() {
        none(base().model("credit-lora", "1.0.0", "experimental", "lineage: {baseModel: xgboost@1.7.6}\n"));
        Finding f = only(base().model("credit-lora", "1.0.0", "experimental", "lineage: {baseModel: credit-scorer@3.0.0}\n"),
                "reference-unknown");
        assertEquals("baseModel credit-scorer@3.0.0 is not in the registry", f.message());
        Finding embedding = only(base().model("search", "1.0.0", "experimental", "lineage: {embeddingModel: credit-scorer@3.0.0}\n"),
                "reference-unknown");
        assertEquals("/lineage/embeddingModel", embedding.pointer());
    }

    // deprecation-missing, deprecation-notice, retired-early

    @Test
    void deprecatedAndRetiredVersionsNeedANotice() {
        Finding f = only(MemorySource.minimal().model("credit-scorer", "1.0.0", "deprecated", ""), "deprecation-missing");
        at(f, M, 8, 10, "/lifecycle/stage");
        only(MemorySource.minimal().model("credit-scorer", "1.0.0", "retired", ""), "deprecation-missing");
    }

    @Test
    void aDeprecatedVersionNeedsAReplacementButARetiredOneNeedNot() {
        String notice = "  deprecation: {announced: 2026-01-01, retireAfter: 2026-06-01}\n";
        Finding f = only(MemorySource.minimal().model("credit-scorer", "1.0.0", "deprecated", notice), "deprecation-missing");
        assertEquals("credit-scorer@1.0.0 is deprecated without a replacement", f.message());
        none(MemorySource.minimal().model("credit-scorer", "1.0.0", "retired", notice));
    }

    @Test
    void theNoticePeriodIsAtLeastThePolicysDays() {
        String notice = "  deprecation: {announced: 2026-01-01, retireAfter: %s}\n";
        Finding f = only(MemorySource.minimal().model("credit-scorer", "1.0.0", "retired", notice.formatted("2026-03-31")),
                "deprecation-notice");
        assertEquals("notice period is 89 days; the policy requires at least 90", f.message());
        assertEquals("set retireAfter to 2026-04-01 or later", f.hint());
        none(MemorySource.minimal().model("credit-scorer", "1.0.0", "retired", notice.formatted("2026-04-01")));
    }

    @Test
    void theRegistryCanSetItsOwnNoticePeriod() {
        String notice = "  deprecation: {announced: 2026-01-01, retireAfter: %s}\n";
        MemorySource policy = MemorySource.minimal().with("registry.yaml", Registries.REGISTRY + "policy: {deprecationNoticeDays: 30}\n");
        none(policy.model("credit-scorer", "1.0.0", "retired", notice.formatted("2026-01-31")));
        MemorySource shorter = MemorySource.minimal().with("registry.yaml", Registries.REGISTRY + "policy: {deprecationNoticeDays: 30}\n");
        assertEquals("notice period is 29 days; the policy requires at least 30",
                only(shorter.model("credit-scorer", "1.0.0", "retired", notice.formatted("2026-01-30")), "deprecation-notice").message());
    }

    @Test
    void aVersionIsNotRetiredBeforeItsNoticeEnds() {
        String notice = "  deprecation: {announced: 2026-01-01, retireAfter: %s}\n";
        Finding f = only(MemorySource.minimal().model("credit-scorer", "1.0.0", "retired", notice.formatted(TODAY.plusDays(1))),
                "retired-early");
        assertEquals("credit-scorer@1.0.0 is retired before its notice ends on 2026-10-02", f.message());
        none(MemorySource.minimal().model("credit-scorer", "1.0.0", "retired", notice.formatted(TODAY)));
    }

    // deployment rules

    @Test
    void aDeploymentMustRunAKnownVersion() {
        Finding f = only(base().deployment("scoring", "credit-scorer", "1.2.0", "dev"), "reference-unknown");
        at(f, "deployments/scoring.yaml", 5, 10, "/version");
        assertEquals("deployed model credit-scorer@1.2.0 is not in the registry", f.message());
    }

    @Test
    void nothingDeploysARetiredVersion() {
        MemorySource s = MemorySource.minimal()
                .model("credit-scorer", "1.0.0", "retired", "  deprecation: {announced: 2026-01-01, retireAfter: 2026-06-01}\n");
        Finding f = only(s.deployment("scoring", "credit-scorer", "1.0.0", "dev"), "deployment-retired");
        assertEquals(List.of(M), f.related());
    }

    @Test
    void prodRunsOnlyProductionVersions() {
        Finding f = only(base().deployment("scoring", "credit-scorer", "1.0.0", "prod"), "deployment-stage");
        assertEquals("prod deployment `scoring` runs credit-scorer@1.0.0, which is experimental, not production", f.message());
        // promote goes one stage at a time, so the hint for an experimental version names staging.
        assertEquals("promote the version to staging, then to production (`registry promote credit-scorer@1.0.0 --to staging`),"
                + " or deploy to dev/stage", f.hint());
        Finding staging = only(MemorySource.minimal().model("credit-scorer", "1.0.0", "staging", "")
                .deployment("scoring", "credit-scorer", "1.0.0", "prod"), "deployment-stage");
        assertEquals("promote the version first (`registry promote credit-scorer@1.0.0 --to production`) or deploy to dev/stage",
                staging.hint());
        none(MemorySource.minimal().model("credit-scorer", "1.0.0", "staging", "").deployment("scoring", "credit-scorer", "1.0.0", "stage"));
        none(MemorySource.minimal().model("credit-scorer", "1.0.0", "production", "").deployment("scoring", "credit-scorer", "1.0.0", "prod"));
        // A stage the schema refuses is the schema's finding, not a second one calling the version experimental.
        assertEquals(List.of(), rule(MemorySource.minimal().model("credit-scorer", "1.0.0", "prod", "")
                .deployment("scoring", "credit-scorer", "1.0.0", "prod"), "deployment-stage"));
    }

    @Test
    void prodOnADeprecatedVersionIsAWarningDuringTheNotice() {
        MemorySource s = MemorySource.minimal()
                .model("credit-scorer", "1.0.0", "deprecated",
                        "  deprecation: {announced: 2026-09-01, retireAfter: 2026-12-01, replacement: credit-scorer@2.0.0}\n")
                .model("credit-scorer", "2.0.0", "production", "")
                .deployment("scoring", "credit-scorer", "1.0.0", "prod");
        Finding f = only(s, "deployment-deprecated");
        assertEquals(Severity.WARNING, f.severity());
        assertEquals("move it to credit-scorer@2.0.0 before 2026-12-01", f.hint());
        assertTrue(run(s).stream().noneMatch(Finding::isError), show(run(s)));
    }

    // date-invalid

    @Test
    void datesMustBeRealDays() {
        String eval = "evaluations:\n  - {suite: holdout, date: %s, passed: true}\n";
        Finding f = only(base().model("credit-scorer", "1.0.1", "experimental", eval.formatted("2026-02-29")), "date-invalid");
        at(f, "models/credit-scorer/1.0.1.yaml", 10, 28, "/evaluations/0/date");
        none(base().model("credit-scorer", "1.0.1", "experimental", eval.formatted("2028-02-29")));
    }

    @Test
    void aCalendarDateIsWhatLocalDateParseAccepts() {
        for (String text : new String[] {"2026-01-31", "2026-02-29", "2024-02-29", "2026-04-31", "2026-13-01", "2026-00-10",
                "2026-01-00", "0000-01-01", "9999-12-31", "2026-1-01", "2026-01-1x", "20260101", "2026/01/01", "2026-01-011",
                "２０２６-01-01", "2026-0١-01", "", "not a date"}) {
            boolean shaped = text.matches("\\d{4}-\\d{2}-\\d{2}");
            boolean parses;
            try {
                java.time.LocalDate.parse(text);
                parses = true;
            } catch (java.time.format.DateTimeParseException e) {
                parses = false;
            }
            assertEquals(!shaped || parses, ConsistencyCheck.isCalendarDate(text), text);
        }
    }
}
