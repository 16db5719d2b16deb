package dev.registry.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import dev.registry.card.CardKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON Schemas bundled in the jar, compiled once and shared (networknt schemas are
 * thread-safe). Schemas always come from the tool, never from the registry being checked, so a
 * pull request cannot loosen the rules it is judged by.
 */
public final class SchemaCatalog {

    /** The {@code $id} prefix of every bundled schema. */
    public static final String ID_PREFIX = "https://registry.dev/schema/v1/";
    private static final String RESOURCE_DIR = "schema/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static volatile SchemaCatalog instance;

    private final Map<CardKind, Schema> schemas = new EnumMap<>(CardKind.class);
    private final Map<String, JsonNode> raw = new HashMap<>();

    private SchemaCatalog() {
        SchemaRegistryConfig config = SchemaRegistryConfig.builder()
                .pathType(PathType.JSON_POINTER)
                .formatAssertionsEnabled(false)
                .build();
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                b -> b.schemaRegistryConfig(config)
                        .schemaIdResolvers(r -> r.mapPrefix(ID_PREFIX, "classpath:" + RESOURCE_DIR)));
        for (CardKind kind : CardKind.values()) {
            Schema s = registry.getSchema(SchemaLocation.of(ID_PREFIX + kind.schemaFile()));
            s.initializeValidators(); // fail here, at start-up, on a broken $ref
            schemas.put(kind, s);
        }
    }

    /** The shared catalog; compiled on first use. */
    public static SchemaCatalog get() {
        SchemaCatalog c = instance;
        if (c == null) {
            synchronized (SchemaCatalog.class) {
                c = instance;
                if (c == null) {
                    c = new SchemaCatalog();
                    instance = c;
                }
            }
        }
        return c;
    }

    public Schema schema(CardKind kind) {
        return schemas.get(kind);
    }

    /** The schema file's text, as shipped: what {@code registry schema <kind>} prints. */
    public static String text(String file) {
        try (InputStream in = SchemaCatalog.class.getClassLoader().getResourceAsStream(RESOURCE_DIR + file)) {
            if (in == null) {
                throw new IllegalStateException("schema " + file + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A schema with the shared definitions copied in, so that editors (yaml-language-server) can
     * use it as one offline file: {@code common.schema.json#/$defs/x} becomes {@code #/$defs/common-x}.
     */
    public static String bundled(CardKind kind) {
        try {
            com.fasterxml.jackson.databind.node.ObjectNode schema =
                    (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(text(kind.schemaFile()));
            JsonNode common = JSON.readTree(text("common.schema.json")).path("$defs");
            com.fasterxml.jackson.databind.node.ObjectNode defs = schema.has("$defs")
                    ? (com.fasterxml.jackson.databind.node.ObjectNode) schema.get("$defs")
                    : schema.putObject("$defs");
            common.fields().forEachRemaining(e -> defs.set("common-" + e.getKey(), e.getValue().deepCopy()));
            rewriteRefs(schema, false);
            defs.fields().forEachRemaining(e -> {
                if (e.getKey().startsWith("common-")) {
                    rewriteRefs(e.getValue(), true);
                }
            });
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(schema) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void rewriteRefs(JsonNode node, boolean insideCommon) {
        if (node.isObject()) {
            com.fasterxml.jackson.databind.node.ObjectNode obj = (com.fasterxml.jackson.databind.node.ObjectNode) node;
            JsonNode ref = obj.get("$ref");
            if (ref != null && ref.isTextual()) {
                String r = ref.asText();
                if (r.startsWith("common.schema.json#/$defs/")) {
                    obj.put("$ref", "#/$defs/common-" + r.substring("common.schema.json#/$defs/".length()));
                } else if (insideCommon && r.startsWith("#/$defs/")) {
                    obj.put("$ref", "#/$defs/common-" + r.substring("#/$defs/".length()));
                }
            }
            obj.elements().forEachRemaining(child -> rewriteRefs(child, insideCommon));
        } else if (node.isArray()) {
            node.elements().forEachRemaining(child -> rewriteRefs(child, insideCommon));
        }
    }

    /**
     * The raw schema node at a schema location such as
     * {@code https://registry.dev/schema/v1/common.schema.json#/$defs/semver}, for building
     * messages (descriptions, property names) from the schema itself.
     */
    public Optional<JsonNode> node(String location) {
        int hash = location.indexOf('#');
        String file = hash < 0 ? location : location.substring(0, hash);
        String fragment = hash < 0 ? "" : location.substring(hash + 1);
        if (!file.startsWith(ID_PREFIX)) {
            return Optional.empty();
        }
        JsonNode doc;
        synchronized (raw) {
            doc = raw.computeIfAbsent(file, f -> {
                try {
                    return JSON.readTree(text(f.substring(ID_PREFIX.length())));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        JsonNode n = doc.at(fragment);
        return n.isMissingNode() ? Optional.empty() : Optional.of(n);
    }
}
