package dev.registry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.registry.testing.Cli;
import dev.registry.testing.GateCards;
import dev.registry.testing.GitFixture;
import dev.registry.testing.Registries;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** promote, approve, deprecate, retire and rollback, through the write service, in a git repository. */
class LifecycleCommandTest {

    static final LocalDate TODAY = LocalDate.now();
    static final String CARD = GateCards.CARD;

    /** A card with the evidence the production gate asks for, and a comment to keep. */
    static String card(String version, String stage) {
        return GateCards.ready(version, stage);
    }

    static String deployment(String version) {
        return """
                apiVersion: registry/v1
                kind: Deployment
                name: scoring-eu
                model: credit-scorer
                version: %s
                environment: prod
                region: eu-west-1
                """.formatted(version);
    }

    @TempDir
    Path dir;

    GitFixture git;

    @BeforeEach
    void registry() {
        git = GitFixture.init(dir);
        Registries.write(dir, "registry.yaml", Registries.REGISTRY);
        Registries.write(dir, "owners.yaml", GateCards.OWNERS);
        git.write(CARD, card("2.1.0", "staging"));
        git.commit("alice@example.com", "credit-scorer 2.1.0 in staging");
    }

    @AfterEach
    void close() {
        git.close();
    }

    private Cli.Result as(String email, String... args) throws IOException {
        StoredConfig config = git.git().getRepository().getConfig();
        config.setString("user", null, "name", email.substring(0, email.indexOf('@')));
        config.setString("user", null, "email", email);
        config.save();
        return Cli.in(dir).run(args);
    }

    private String read(String path) {
        return Registries.read(dir.resolve(path));
    }

    // ---------------------------------------------------------------- promote

    @Test
    void promoteGoesOneStageAtATime() throws IOException {
        git.write("models/credit-scorer/3.0.0.yaml", card("3.0.0", "experimental"));
        git.commit("alice@example.com", "3.0.0");
        var r = as("alice@example.com", "promote", "credit-scorer@3.0.0", "--to", "production");
        // A well-formed request the lifecycle does not allow: a finding on the card, exit 1.
        assertEquals(1, r.exit(), r.toString());
        assertEquals("", r.out());
        assertEquals("models/credit-scorer/3.0.0.yaml:17:10: error: promotion goes one stage at a time: credit-scorer@3.0.0 is"
                + " experimental [lifecycle-stage]\n"
                + "    hint: promote it to staging first: `registry promote credit-scorer@3.0.0 --to staging`\n"
                + "registry: error: nothing was written: promote credit-scorer@3.0.0 to production was refused (1 error)\n", r.err());
        var again = as("alice@example.com", "promote", "credit-scorer@2.1.0", "--to", "staging");
        assertEquals(1, again.exit(), again.toString());
        assertTrue(again.err().startsWith(CARD + ":17:10: error: credit-scorer@2.1.0 is already staging [lifecycle-stage]\n"),
                again.err());
        // A stage that is no promotion is a malformed request: usage, exit 2.
        var retired = as("alice@example.com", "promote", "credit-scorer@2.1.0", "--to", "retired");
        assertEquals(2, retired.exit(), retired.toString());
        assertEquals("registry: error: --to takes staging or production; use `registry deprecate` or `registry retire` for the"
                + " rest\n", retired.err());
    }

    @Test
    void aCardThatCannotBeReadIsNamedNotCalledMissing() throws IOException {
        Registries.write(dir, CARD, read(CARD) + "version: 2.1.0\n");
        var r = as("alice@example.com", "promote", "credit-scorer@2.1.0", "--to", "production");
        assertEquals(2, r.exit(), r.toString());
        assertEquals("registry: error: " + CARD + " cannot be read as the card of credit-scorer@2.1.0; `registry validate " + CARD
                + "` shows why\n", r.err());
        var validate = Cli.in(dir).run("validate", CARD);
        assertTrue(validate.err().contains("[yaml-duplicate-key]"), validate.err());
        var missing = as("alice@example.com", "retire", "credit-scorer@9.0.0");
        assertEquals("registry: error: credit-scorer@9.0.0 is not in the registry\n", missing.err());
    }

    @Test
    void promoteRefusesWhatTheCardLacksAndWritesNothing() throws IOException {
        git.write(CARD, card("2.1.0", "staging").replace("  benchmarks: https://reports/bench\n", ""));
        git.commit("alice@example.com", "drop the benchmarks");
        String before = read(CARD);
        var r = as("alice@example.com", "promote", "credit-scorer@2.1.0", "--to", "production");
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.err().contains(CARD + ":10:1: error: production gate: evidence `benchmarks` is missing (needed for production)"
                + " [gate-evidence-missing]"), r.err());
        assertTrue(r.err().contains("warning: still needed: production gate: needs 1 distinct approval for production"), r.err());
        assertTrue(r.err().endsWith("registry: error: nothing was written: promote credit-scorer@2.1.0 to production was refused (1 error)\n"),
                r.err());
        assertEquals(before, read(CARD));
    }

    @Test
    void promoteShowsTheApprovalsStillNeededThenWritesKeepingComments() throws IOException {
        var dry = as("alice@example.com", "promote", "credit-scorer@2.1.0", "--to", "production", "--dry-run");
        assertEquals(0, dry.exit(), dry.toString());
        assertTrue(dry.out().contains("-  stage: staging\n+  stage: production\n"), dry.out());
        assertEquals(card("2.1.0", "staging"), read(CARD));

        var r = as("alice@example.com", "promote", "credit-scorer@2.1.0", "--to", "production", "--commit");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.err().startsWith(CARD + ":17:10: warning: still needed: production gate: needs 1 distinct approval for"
                + " production from people who do not own the model, has 0 [gate-approvals-missing]\n"), r.err());
        assertTrue(r.out().startsWith("updated " + CARD + "\ncommitted "), r.out());
        assertTrue(r.out().endsWith(" promote credit-scorer@2.1.0 to production\n"), r.out());
        assertEquals(card("2.1.0", "production"), read(CARD));
    }

    // ---------------------------------------------------------------- approve

    @Test
    void approveWritesInTheNameOfTheGitIdentityAndTheGatePassesOnThatCommit() throws IOException {
        git.branch("promote");
        var approve = as("carol@example.com", "approve", "credit-scorer@2.1.0", "--stage", "production",
                "--comment", "Checked the privacy review", "--commit");
        assertEquals(0, approve.exit(), approve.toString());
        assertTrue(read(CARD).endsWith("approvals:\n  - stage: production\n    by: carol@example.com\n    role: risk-officer\n"
                + "    date: \"" + TODAY + "\"\n    comment: Checked the privacy review\n"), read(CARD));
        assertTrue(read(CARD).contains("owners: [team:ml-platform]   # the scoring squad\n"), "comments are kept");

        var promote = as("alice@example.com", "promote", "credit-scorer@2.1.0", "--to", "production", "--commit");
        assertEquals(0, promote.exit(), promote.toString());
        assertEquals("", promote.err(), "nothing is still needed");
        var gate = Cli.in(dir).run("gate", "--base", "main");
        assertEquals(0, gate.exit(), gate.toString());
        assertTrue(gate.out().contains("ok       credit-scorer@2.1.0 staging -> production"), gate.out());

        var twice = as("carol@example.com", "approve", "credit-scorer@2.1.0", "--stage", "production",
                "--comment", "Checked the privacy review");
        assertEquals(1, twice.exit());
        assertEquals(CARD + ":19:5: error: carol@example.com has already approved credit-scorer@2.1.0 for production as"
                + " risk-officer today [approval-duplicate]\n"
                + "    hint: to approve it again after a change, say what you checked with --comment\n"
                + "registry: error: nothing was written: approve credit-scorer@2.1.0 for production was refused (1 error)\n",
                twice.err());

        // The card changes after the approval: the gate no longer counts it until carol approves again.
        Registries.write(dir, CARD, read(CARD).replace("Roll back to 2.0.0", "Roll back to 1.9.0"));
        git.commit("bob@example.com", "new rollback plan");
        var stale = Cli.in(dir).run("gate", "--base", "main");
        assertEquals(1, stale.exit(), stale.toString());
        assertTrue(stale.err().contains("[approval-stale]"), stale.err());
        var again = as("carol@example.com", "approve", "credit-scorer@2.1.0", "--stage", "production",
                "--comment", "Re-checked the new rollback plan", "--commit");
        assertEquals(0, again.exit(), again.toString());
        var fresh = Cli.in(dir).run("gate", "--base", "main");
        assertEquals(0, fresh.exit(), fresh.toString());
        assertTrue(fresh.err().contains("warning: approval by carol@example.com (commit "), "the old one is still explained: " + fresh.err());
    }

    @Test
    void approveWithCommitRefusesToSweepInAnUnstagedEditOfTheCard() throws IOException {
        String edited = read(CARD).replace("Roll back to 2.0.0", "Roll back to 1.9.0");
        Registries.write(dir, CARD, edited);
        var r = as("carol@example.com", "approve", "credit-scorer@2.1.0", "--stage", "production",
                "--comment", "Checked the privacy review", "--commit");
        assertEquals(2, r.exit(), r.toString());
        assertEquals("", r.out());
        assertEquals("registry: error: --commit would also commit your own uncommitted changes to " + CARD
                + "; commit or stash your changes first, or run without --commit\n", r.err());
        assertEquals(edited, read(CARD), "nothing written");
    }

    @Test
    void approveRefusesWhatCouldNeverCount() throws IOException {
        // Well-formed requests the policy refuses: findings located in the card, exit 1, nothing written.
        var owner = as("alice@example.com", "approve", "credit-scorer@2.1.0", "--stage", "production");
        assertEquals(1, owner.exit(), owner.toString());
        assertEquals("", owner.out());
        assertEquals(CARD + ":7:9: error: alice@example.com owns credit-scorer@2.1.0, and the production gate does not count"
                + " owners' approvals of their own model [approval-self]\n"
                + "    hint: ask someone who does not own it; can approve: carol@example.com, erin@example.com\n"
                + "registry: error: nothing was written: approve credit-scorer@2.1.0 for production was refused (1 error)\n",
                owner.err());
        var stranger = as("mallory@example.com", "approve", "credit-scorer@2.1.0", "--stage", "production");
        assertEquals(1, stranger.exit());
        assertTrue(stranger.err().startsWith(CARD + ":17:10: error: your git identity mallory@example.com is not a person in"
                + " owners.yaml; approvals must come from people listed there [approval-unknown]\n"), stranger.err());
        var role = as("dan@example.com", "approve", "credit-scorer@2.1.0", "--stage", "production", "--role", "risk-officer");
        assertEquals(1, role.exit());
        assertEquals(CARD + ":17:10: error: owners.yaml does not give dan@example.com the role risk-officer; their roles:"
                + " privacy-officer [approval-role]\n"
                + "    hint: approve in a role you hold, or ask someone who holds risk-officer; can approve: carol@example.com,"
                + " erin@example.com\n"
                + "registry: error: nothing was written: approve credit-scorer@2.1.0 for production was refused (1 error)\n",
                role.err());
        assertEquals(card("2.1.0", "staging"), read(CARD));
        // A malformed request stays a usage error.
        var stage = as("carol@example.com", "approve", "credit-scorer@2.1.0", "--stage", "retired");
        assertEquals(2, stage.exit(), stage.toString());
        assertEquals("registry: error: --stage takes staging or production: approvals are for promotions\n", stage.err());
        var unknown = as("carol@example.com", "approve", "credit-scorer@9.0.0", "--stage", "production");
        assertEquals(2, unknown.exit(), unknown.toString());
    }

    // ---------------------------------------------------------------- deprecate and retire

    @Test
    void deprecateRefusesANoticeShorterThanThePolicy() throws IOException {
        git.write("models/credit-scorer/3.0.0.yaml", card("3.0.0", "production"));
        git.write(CARD, card("2.1.0", "production"));
        git.commit("alice@example.com", "3.0.0 in production");
        var short_ = as("alice@example.com", "deprecate", "credit-scorer@2.1.0", "--replacement", "credit-scorer@3.0.0",
                "--retire-after", TODAY.plusDays(30).toString());
        assertEquals(1, short_.exit(), short_.toString());
        assertTrue(short_.err().contains("error: --retire-after " + TODAY.plusDays(30) + " gives 30 days' notice; the policy"
                + " requires at least 90 [deprecation-notice]\n    hint: retire after " + TODAY.plusDays(90) + " or later"), short_.err());
        assertEquals(card("2.1.0", "production"), read(CARD));

        var ok = as("alice@example.com", "deprecate", "credit-scorer@2.1.0", "--replacement", "credit-scorer@3.0.0",
                "--reason", "3.0.0 is better calibrated");
        assertEquals(0, ok.exit(), ok.toString());
        assertTrue(read(CARD).endsWith("lifecycle:\n  stage: deprecated\n  deprecation:\n    announced: \"" + TODAY
                + "\"\n    retireAfter: \"" + TODAY.plusDays(90) + "\"\n    replacement: credit-scorer@3.0.0\n"
                + "    reason: \"3.0.0 is better calibrated\"\n"), read(CARD));
        assertEquals(0, Cli.in(dir).run("validate").exit());
    }

    @Test
    void retireIsRefusedBeforeTheNoticeEndsAndWhileADeploymentRunsIt() throws IOException {
        git.write("models/credit-scorer/3.0.0.yaml", card("3.0.0", "production"));
        git.write(CARD, card("2.1.0", "production"));
        git.write("deployments/scoring-eu.yaml", deployment("2.1.0"));
        git.commit("alice@example.com", "3.0.0 in production, 2.1.0 deployed");
        assertEquals(0, as("alice@example.com", "deprecate", "credit-scorer@2.1.0", "--replacement", "credit-scorer@3.0.0").exit());
        var validate = Cli.in(dir).run("validate");
        assertEquals(0, validate.exit(), "a deprecated version may keep running during its notice: " + validate);
        assertTrue(validate.err().contains("warning: prod deployment `scoring-eu` runs credit-scorer@2.1.0, which is deprecated"
                + " [deployment-deprecated]\n    hint: move it to credit-scorer@3.0.0 before " + TODAY.plusDays(90)), validate.err());

        String deprecated = read(CARD);
        var early = as("alice@example.com", "retire", "credit-scorer@2.1.0");
        assertEquals(1, early.exit(), early.toString());
        assertTrue(early.err().contains("error: the notice for credit-scorer@2.1.0 runs until " + TODAY.plusDays(90)
                + "; it cannot be retired before then [retired-early]"), early.err());
        assertTrue(early.err().contains("error: credit-scorer@2.1.0 still runs in deployment scoring-eu [retire-in-use]\n"
                + "    hint: move it first: `registry deploy --name scoring-eu --model credit-scorer@3.0.0`"), early.err());
        assertEquals(deprecated, read(CARD));

        // Notice over (announced long ago), still deployed: refused for that alone.
        String old = deprecated.replace("announced: \"" + TODAY, "announced: \"" + TODAY.minusDays(120))
                .replace("retireAfter: \"" + TODAY.plusDays(90), "retireAfter: \"" + TODAY.minusDays(10));
        assertFalse(old.equals(deprecated));
        Registries.write(dir, CARD, old);
        var inUse = as("alice@example.com", "retire", "credit-scorer@2.1.0");
        assertEquals(1, inUse.exit());
        assertFalse(inUse.err().contains("[retired-early]"), inUse.err());
        assertTrue(inUse.err().contains("[retire-in-use]"), inUse.err());

        assertEquals(0, as("alice@example.com", "deploy", "--name", "scoring-eu", "--model", "credit-scorer@3.0.0").exit());
        var retired = as("alice@example.com", "retire", "credit-scorer@2.1.0");
        assertEquals(0, retired.exit(), retired.toString());
        assertTrue(read(CARD).contains("  stage: retired\n"), read(CARD));
        var live = as("alice@example.com", "retire", "credit-scorer@3.0.0");
        assertEquals(1, live.exit(), "only a deprecated version retires: " + live);
        assertTrue(live.err().startsWith("models/credit-scorer/3.0.0.yaml:17:10: error: credit-scorer@3.0.0 is production; only a"
                + " deprecated version is retired [lifecycle-stage]\n    hint: deprecate it first"), live.err());
        var again = as("alice@example.com", "retire", "credit-scorer@2.1.0");
        assertEquals(1, again.exit(), again.toString());
        assertTrue(again.err().startsWith(CARD + ":17:10: error: credit-scorer@2.1.0 is already retired [lifecycle-stage]\n"),
                again.err());
        var deprecateAgain = as("alice@example.com", "deprecate", "credit-scorer@2.1.0", "--replacement", "credit-scorer@3.0.0");
        assertEquals(1, deprecateAgain.exit(), deprecateAgain.toString());
        assertTrue(deprecateAgain.err().contains("error: credit-scorer@2.1.0 is already retired [lifecycle-stage]"),
                deprecateAgain.err());
        var toRetired = as("alice@example.com", "deprecate", "credit-scorer@3.0.0", "--replacement", "credit-scorer@2.1.0");
        assertEquals(1, toRetired.exit(), toRetired.toString());
        assertTrue(toRetired.err().startsWith("models/credit-scorer/3.0.0.yaml:17:10: error: the replacement credit-scorer@2.1.0"
                + " is retired [deprecation-replacement]\n"), toRetired.err());
        var itself = as("alice@example.com", "deprecate", "credit-scorer@3.0.0", "--replacement", "credit-scorer@3.0.0");
        assertEquals(2, itself.exit(), "a malformed request: " + itself);
    }

    // ---------------------------------------------------------------- rollback

    @Test
    void rollbackIsOneCommandAndOneCommit() throws Exception {
        git.write("models/credit-scorer/2.0.0.yaml", card("2.0.0", "production"));
        git.write(CARD, card("2.1.0", "production"));
        git.write("deployments/scoring-eu.yaml", deployment("2.0.0"));
        git.commit("alice@example.com", "2.0.0 in prod");
        git.write("deployments/scoring-eu.yaml", deployment("2.0.0").replace("region: eu-west-1\n", "region: eu-west-1\nendpoint: https://scoring/eu\n"));
        git.commit("bob@example.com", "endpoint");
        git.write("deployments/scoring-eu.yaml", deployment("2.1.0").replace("region: eu-west-1\n", "region: eu-west-1\nendpoint: https://scoring/eu\n"));
        RevCommit upgrade = git.commit("bob@example.com", "deploy 2.1.0");

        var r = as("bob@example.com", "rollback", "scoring-eu", "--commit");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().startsWith("updated deployments/scoring-eu.yaml\ncommitted "), r.out());
        assertTrue(r.out().endsWith(" rollback scoring-eu to credit-scorer@2.0.0 (from credit-scorer@2.1.0)\n"), r.out());
        assertTrue(read("deployments/scoring-eu.yaml").contains("version: 2.0.0\nenvironment: prod\n"));

        List<RevCommit> after = new ArrayList<>();
        git.git().log().call().forEach(after::add);
        RevCommit rollback = after.get(0);
        assertEquals(upgrade, rollback.getParent(0), "exactly one new commit");
        assertEquals("bob@example.com", rollback.getAuthorIdent().getEmailAddress());
        assertEquals(List.of("deployments/scoring-eu.yaml"), changedPaths(rollback));
        var status = git.git().status().call();
        assertTrue(status.getUncommittedChanges().isEmpty(), "nothing left uncommitted: " + status.getUncommittedChanges());
    }

    @Test
    void rollbackToANamedVersionMustStillBeInService() throws IOException {
        git.write("models/credit-scorer/1.0.0.yaml", card("1.0.0", "retired").replace("  stage: retired\n",
                "  stage: retired\n  deprecation: {announced: 2025-01-01, retireAfter: 2025-06-01, replacement: credit-scorer@2.1.0}\n"));
        git.write("models/credit-scorer/2.0.0.yaml", card("2.0.0", "deprecated").replace("  stage: deprecated\n",
                "  stage: deprecated\n  deprecation: {announced: " + TODAY + ", retireAfter: " + TODAY.plusDays(90)
                        + ", replacement: credit-scorer@2.1.0}\n"));
        git.write(CARD, card("2.1.0", "production"));
        git.write("deployments/scoring-eu.yaml", deployment("2.1.0"));
        git.commit("alice@example.com", "history");

        var retired = as("bob@example.com", "rollback", "scoring-eu", "--to", "1.0.0");
        assertEquals(1, retired.exit(), retired.toString());
        assertTrue(retired.err().contains("deployments/scoring-eu.yaml:5:10: error: cannot roll `scoring-eu` back to"
                + " credit-scorer@1.0.0, which is retired [rollback-target]"), retired.err());
        var deprecated = as("bob@example.com", "rollback", "scoring-eu", "--to", "2.0.0");
        assertEquals(0, deprecated.exit(), deprecated.toString());
        assertTrue(read("deployments/scoring-eu.yaml").contains("version: 2.0.0\n"));
        var same = as("bob@example.com", "rollback", "scoring-eu", "--to", "2.0.0");
        assertEquals(1, same.exit(), same.toString());
        assertTrue(same.err().startsWith("deployments/scoring-eu.yaml:5:10: error: deployment `scoring-eu` already runs"
                + " credit-scorer@2.0.0 [rollback-target]\n"), same.err());

        var none = as("bob@example.com", "rollback", "scoring-eu");
        assertEquals(1, none.exit(), "the working tree runs 2.0.0; its history only shows 2.1.0, which is higher: " + none);
        assertEquals("", none.out());
        assertEquals("deployments/scoring-eu.yaml:5:10: error: the git history of deployment `scoring-eu` shows no version of"
                + " credit-scorer lower than 2.0.0, the one it runs [rollback-target]\n"
                + "    hint: name the version to return to: `registry rollback scoring-eu --to <version>` (in service: 2.1.0)\n"
                + "registry: error: nothing was written: rollback scoring-eu (from credit-scorer@2.0.0) was refused (1 error)\n",
                none.err());
        assertTrue(read("deployments/scoring-eu.yaml").contains("version: 2.0.0\n"));
        var fresh = as("bob@example.com", "rollback", "nowhere");
        assertEquals(2, fresh.exit());
        assertEquals("registry: error: no deployment `nowhere` in the registry\n", fresh.err());
    }

    @Test
    void aSecondRollbackGoesFurtherBackNeverForward() throws IOException {
        git.write("models/credit-scorer/1.0.0.yaml", card("1.0.0", "production"));
        git.write("models/credit-scorer/1.1.0.yaml", card("1.1.0", "production"));
        git.write(CARD, card("2.1.0", "production"));
        git.write("deployments/scoring-eu.yaml", deployment("1.0.0"));
        git.commit("alice@example.com", "1.0.0 in prod");
        git.write("deployments/scoring-eu.yaml", deployment("2.1.0"));
        git.commit("alice@example.com", "deploy 2.1.0, skipping 1.1.0");
        git.write("deployments/scoring-eu.yaml", deployment("1.1.0"));
        git.commit("alice@example.com", "back to 1.1.0 by hand");
        git.write("deployments/scoring-eu.yaml", deployment("2.1.0"));
        git.commit("alice@example.com", "2.1.0 again");

        var first = as("bob@example.com", "rollback", "scoring-eu", "--commit");
        assertEquals(0, first.exit(), first.toString());
        assertTrue(first.out().endsWith(" rollback scoring-eu to credit-scorer@1.1.0 (from credit-scorer@2.1.0)\n"), first.out());
        // The file's previous version is now 2.1.0: a rollback goes to the latest lower one, 1.0.0.
        var second = as("bob@example.com", "rollback", "scoring-eu", "--commit");
        assertEquals(0, second.exit(), second.toString());
        assertTrue(second.out().endsWith(" rollback scoring-eu to credit-scorer@1.0.0 (from credit-scorer@1.1.0)\n"), second.out());
        var third = as("bob@example.com", "rollback", "scoring-eu", "--commit");
        assertEquals(1, third.exit(), third.toString());
        assertTrue(third.err().contains("shows no version of credit-scorer lower than 1.0.0, the one it runs [rollback-target]\n"
                + "    hint: name the version to return to: `registry rollback scoring-eu --to <version>` (in service: 1.1.0, 2.1.0)\n"),
                third.err());
        assertTrue(read("deployments/scoring-eu.yaml").contains("version: 1.0.0\n"));
    }

    private List<String> changedPaths(RevCommit c) throws IOException {
        var repo = git.git().getRepository();
        try (var reader = repo.newObjectReader()) {
            CanonicalTreeParser a = new CanonicalTreeParser(null, reader, c.getParent(0).getTree());
            CanonicalTreeParser b = new CanonicalTreeParser(null, reader, repo.parseCommit(c).getTree());
            List<String> out = new ArrayList<>();
            for (DiffEntry e : git.git().diff().setOldTree(a).setNewTree(b).call()) {
                out.add(e.getNewPath());
            }
            return out;
        } catch (org.eclipse.jgit.api.errors.GitAPIException e) {
            throw new IOException(e);
        }
    }
}
