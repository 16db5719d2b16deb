package dev.registry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.registry.source.StrictYamlReader;
import dev.registry.testing.Cli;
import dev.registry.testing.Registries;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SchemaCommandTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"registry", "owners", "model", "deployment", "Model"})
    void printsASelfContainedDraft202012Schema(String kind) throws Exception {
        var r = Cli.in(dir).run("schema", kind);
        assertEquals(0, r.exit(), r.toString());
        assertEquals("", r.err());
        JsonNode schema = new ObjectMapper().readTree(r.out());
        assertEquals("https://json-schema.org/draft/2020-12/schema", schema.path("$schema").asText());
        assertEquals("https://registry.dev/schema/v1/" + kind.toLowerCase() + ".schema.json", schema.path("$id").asText());
        for (JsonNode ref : schema.findValues("$ref")) {
            assertTrue(ref.asText().startsWith("#/$defs/"), "not self-contained: " + ref);
            assertFalse(schema.at(ref.asText().substring(1)).isMissingNode(), "dangling: " + ref);
        }
    }

    /** What an editor does with the printed schema: validate a card with nothing else at hand. */
    @Test
    void thePrintedSchemaValidatesCardsOnItsOwn() throws Exception {
        String printed = Cli.in(dir).run("schema", "model").out();
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(printed);
        JsonNode good = yaml(Registries.model("credit-scorer", "1.0.0") + "evidence: {redTeam: {report: x}}\n");
        assertEquals(0, schema.validate(good).size(), schema.validate(good).toString());
        JsonNode bad = yaml(Registries.model("credit-scorer", "1.0.0") + "ownres: []\nevidence: {redTeam: 3}\n");
        assertEquals(2, schema.validate(bad).stream().map(e -> e.getInstanceLocation().toString()).distinct().count());
    }

    private static JsonNode yaml(String text) {
        var r = new StrictYamlReader().read("x.yaml", text.getBytes(StandardCharsets.UTF_8));
        return ((StrictYamlReader.Parsed) r).document().root();
    }

    @Test
    void withoutAKindListsThem() {
        var r = Cli.in(dir).run("schema");
        assertEquals(0, r.exit());
        assertEquals("""
                registry\tRegistry\thttps://registry.dev/schema/v1/registry.schema.json
                owners\tOwners\thttps://registry.dev/schema/v1/owners.schema.json
                model\tModel\thttps://registry.dev/schema/v1/model.schema.json
                deployment\tDeployment\thttps://registry.dev/schema/v1/deployment.schema.json
                """, r.out());
    }

    @Test
    void anUnknownKindIsAUsageError() {
        var r = Cli.in(dir).run("schema", "modle");
        assertEquals(2, r.exit(), r.toString());
        assertEquals("registry: error: unknown kind `modle`; expected one of registry, owners, model, deployment\n", r.err());
        assertEquals("", r.out());
    }

    @Test
    void needsNoRegistry() {
        assertEquals(0, Cli.in(dir).run("schema", "owners").exit());
    }
}
