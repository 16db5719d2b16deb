package dev.registry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.registry.testing.Cli;
import dev.registry.testing.Registries;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model or deployment card that does not parse is never silently missing from an answer: the
 * query commands stop with its located error, as export, diff and codeowners do.
 */
class UnreadableCardTest {

    @TempDir
    Path dir;

    /** The sample registry with one card broken by a line appended to it. */
    private Path sampleBreaking(String card) throws IOException {
        Path sample = Registries.copyOfSample(dir);
        Files.writeString(sample.resolve(card), "oops: [\n", StandardOpenOption.APPEND);
        return sample;
    }

    /** The located error of the broken card, then why the command stops. */
    private static void refusedFor(Cli.Result r, String card, String what) {
        assertEquals(1, r.exit(), r.toString());
        assertEquals("", r.out(), r.toString());
        assertTrue(r.err().startsWith(card + ":"), r.err());
        assertTrue(r.err().contains(": error: "), r.err());
        assertTrue(r.err().endsWith("registry: error: 1 file in the working tree cannot be read, so " + what
                + " would leave it out\n"), r.err());
    }

    @Test
    void resolveDoesNotPickAnotherModelInPlaceOfABrokenCard() throws IOException {
        Path sample = sampleBreaking("models/customer-chatbot/2.0.0.yaml");
        var r = Cli.in(sample).run("resolve", "--capability", "text-generation", "--region", "eu-west-1", "--env", "prod");
        refusedFor(r, "models/customer-chatbot/2.0.0.yaml", "the resolution");
        assertFalse(r.err().contains("northwind-assistant"), r.err());
        var json = Cli.in(sample).run("resolve", "--capability", "text-generation", "--format", "json");
        refusedFor(json, "models/customer-chatbot/2.0.0.yaml", "the resolution");
    }

    @Test
    void riskPrintsNoTotalWithoutABrokenCard() throws IOException {
        Path sample = sampleBreaking("models/doc-reranker/1.0.0.yaml");
        refusedFor(Cli.in(sample).run("risk"), "models/doc-reranker/1.0.0.yaml", "the risk report");
        // Not "no version 1.0.0 of doc-reranker; known versions: 1.1.0": the version is there, unreadable.
        var one = Cli.in(sample).run("risk", "doc-reranker@1.0.0");
        refusedFor(one, "models/doc-reranker/1.0.0.yaml", "the risk report");
        assertFalse(one.err().contains("known versions"), one.err());
        refusedFor(Cli.in(sample).run("risk", "--format", "json"), "models/doc-reranker/1.0.0.yaml", "the risk report");
    }

    @Test
    void listRefusesForABrokenModelOrDeploymentCard() throws IOException {
        Path sample = sampleBreaking("models/customer-chatbot/2.0.0.yaml");
        refusedFor(Cli.in(sample).run("list"), "models/customer-chatbot/2.0.0.yaml", "the list");
        // Deployments of a broken model card would show `?` for its stage and tier.
        refusedFor(Cli.in(sample).run("list", "--deployments", "--format", "csv"), "models/customer-chatbot/2.0.0.yaml", "the list");
        Files.writeString(sample.resolve("models/customer-chatbot/2.0.0.yaml"),
                Files.readString(Registries.sample().resolve("models/customer-chatbot/2.0.0.yaml")));
        Files.writeString(sample.resolve("deployments/customer-chat-nl-prod.yaml"), "oops: [\n", StandardOpenOption.APPEND);
        refusedFor(Cli.in(sample).run("list", "--deployments"), "deployments/customer-chat-nl-prod.yaml", "the list");
        // Quiet drops notes, never errors.
        refusedFor(Cli.in(sample).run("-q", "list"), "deployments/customer-chat-nl-prod.yaml", "the list");
    }

    @Test
    void showOfABrokenCardShowsItsReadError() throws IOException {
        Path sample = sampleBreaking("models/doc-reranker/1.0.0.yaml");
        var r = Cli.in(sample).run("show", "doc-reranker@1.0.0");
        refusedFor(r, "models/doc-reranker/1.0.0.yaml", "what `show` prints");
        assertFalse(r.err().contains("known versions"), r.err());
        refusedFor(Cli.in(sample).run("show", "doc-reranker", "--format", "json"), "models/doc-reranker/1.0.0.yaml",
                "what `show` prints");
    }

    @Test
    void registerFromABrokenCardShowsItsReadErrorNotNoSuchVersion() throws IOException {
        Path sample = sampleBreaking("models/doc-reranker/1.0.0.yaml");
        var r = Cli.in(sample).run("register", "--from", "doc-reranker@1.0.0", "--version", "1.0.1");
        assertEquals(1, r.exit(), r.toString());
        assertEquals("", r.out());
        assertTrue(r.err().startsWith("models/doc-reranker/1.0.0.yaml:"), r.err());
        assertFalse(r.err().contains("no such model version"), r.err());
        assertTrue(r.err().endsWith("registry: error: nothing was written: register doc-reranker@1.0.1 from 1.0.0 was refused"
                + " (1 error)\n"), r.err());
        assertFalse(Files.exists(sample.resolve("models/doc-reranker/1.0.1.yaml")));
        // A version that is really missing is still said to be missing.
        var missing = Cli.in(sample).run("register", "--from", "doc-reranker@0.9.0", "--version", "1.0.1");
        assertEquals(2, missing.exit(), missing.toString());
        assertEquals("registry: error: --from doc-reranker@0.9.0: no such model version (known versions: 1.1.0)\n", missing.err());
    }

    @Test
    void aReadableRegistryAnswersAsBefore() {
        Path sample = Registries.copyOfSample(dir);
        var r = Cli.in(sample).run("resolve", "--capability", "text-generation", "--region", "eu-west-1", "--env", "prod");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().startsWith("customer-chatbot@2.0.0  production"), r.out());
        assertEquals("", r.err());
    }
}
