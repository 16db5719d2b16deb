package dev.registry.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.registry.card.CardKind;
import org.junit.jupiter.api.Test;

/** `registry schema <kind>` prints one offline file: every definition it refers to is copied in. */
class SchemaBundleTest {

    @Test
    void bundledSchemasReferToNoOtherFile() {
        for (CardKind kind : CardKind.values()) {
            String text = SchemaCatalog.bundled(kind).toString();
            assertFalse(text.contains(".schema.json#"), kind + " still refers to another file");
        }
    }

    @Test
    void theBundledRegistrySchemaCarriesTheRiskPolicyAndValidatesItOffline() throws Exception {
        String text = SchemaCatalog.bundled(CardKind.REGISTRY).toString();
        assertTrue(text.contains("\"policy-riskPolicy\""), "policy definitions are copied in");
        assertTrue(text.contains("\"common-ruleId\""), "and the shared ones they use");
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(text);
        schema.initializeValidators();
        ObjectMapper json = new ObjectMapper();
        JsonNode good = json.readTree("""
                {"apiVersion": "registry/v1", "kind": "Registry", "name": "acme",
                 "policy": {"risk": {"disable": ["T-2"], "rules": [{"id": "r-1", "tier": "high", "basis": "b", "reason": "r",
                   "when": {"all": [{"capability": "makes-decisions-about-people"}, {"dataTag": ["pii", "financial"]}]}}]}}}
                """);
        assertEquals(0, schema.validate(good).size());
        JsonNode bad = json.readTree("""
                {"apiVersion": "registry/v1", "kind": "Registry", "name": "acme",
                 "policy": {"risk": {"rules": [{"id": "r-1", "basis": "b", "reason": "r", "when": {"capabilty": "x"}}]}}}
                """);
        assertTrue(schema.validate(bad).size() >= 2, "missing tier and an unknown condition key");
    }
}
