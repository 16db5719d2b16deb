package dev.registry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.registry.testing.Cli;
import dev.registry.testing.GitFixture;
import dev.registry.testing.Registries;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every command that prints JSON prints it in one style, so tools and people see one format. */
class JsonStyleTest {

    /** Jackson's default pretty printer writes {@code "key" : value}; the tool's style is {@code "key": value}. */
    private static final Pattern SPACED_COLON = Pattern.compile("\"\\s+:");

    @TempDir
    Path dir;

    @Test
    void everyResultJsonHasTheSameStyle() throws Exception {
        Path sample = Registries.copyOfSample(dir.resolve("repo"));
        try (GitFixture git = GitFixture.init(sample)) {
            git.commit("ingrid.solberg@northwind.example", "the sample registry");
            Path deployment = sample.resolve("deployments/loan-origination-eu-prod.yaml");
            git.write("deployments/loan-origination-eu-prod.yaml", Registries.read(deployment).replace("version: 2.1.0", "version: 2.0.3"));
            git.commit("daniel.okafor@northwind.example", "rollback loan-origination-eu-prod");

            List<String[]> commands = List.of(
                    new String[] {"validate", "--format", "json"},
                    new String[] {"validate", "--format", "sarif"},
                    new String[] {"list", "--format", "json"},
                    new String[] {"list", "--deployments", "--format", "json"},
                    new String[] {"show", "credit-scorer@2.1.0", "--format", "json"},
                    new String[] {"risk", "--format", "json"},
                    new String[] {"resolve", "--capability", "text-generation", "--region", "eu-west-1", "--format", "json"},
                    new String[] {"history", "loan-origination-eu-prod", "--format", "json"},
                    new String[] {"export", "--format", "json"},
                    new String[] {"diff", "HEAD~1..HEAD", "--format", "json"},
                    new String[] {"gate", "--base", "HEAD~1", "--format", "json"},
                    new String[] {"schema", "model"});
            List<String> problems = new ArrayList<>();
            for (String[] args : commands) {
                var r = Cli.in(sample).run(args);
                String what = String.join(" ", args);
                // The gate blocks the move to a deprecated version, and says so in JSON too.
                assertEquals(args[0].equals("gate") ? 1 : 0, r.exit(), what + ": " + r);
                new ObjectMapper().readTree(r.out());
                if (SPACED_COLON.matcher(r.out()).find()) {
                    problems.add(what + ": \"key\" : value");
                }
                if (r.out().contains("\r") || !r.out().endsWith("}\n") && !r.out().endsWith("]\n")) {
                    problems.add(what + ": not LF-terminated");
                }
                // Arrays of objects put each object on its own line, as export always did.
                if (r.out().contains("[ {")) {
                    problems.add(what + ": `[ {` on one line");
                }
                // Empty ones are written `[]` and `{}`, as people and most tools write them.
                if (r.out().contains("[ ]") || r.out().contains("{ }")) {
                    problems.add(what + ": `[ ]` or `{ }`");
                }
                assertFalse(r.out().isBlank(), what);
            }
            assertEquals(List.of(), problems);
        }
    }
}
