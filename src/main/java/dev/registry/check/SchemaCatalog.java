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

    /** The risk policy schema: not a registry file kind, but registry.yaml's policy.risk refers to it. */
    private static final String POLICY_FILE = "policy.schema.json";

    private final Map<CardKind, Schema> schemas = new EnumMap<>(CardKind.class);
    private final Schema policy;
    private final Map<String, JsonNode> raw = new HashMap<>();

    private SchemaCatalog() {
        SchemaRegistryConfig config = SchemaRegistryConfig.builder()
                .pathType(PathType.JSON_POINTER)
                .formatAssertionsEnabled(false)
                .regularExpressionFactory(new RememberedMatches())
                .build();
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                b -> b.schemaRegistryConfig(config)
                        .schemaIdResolvers(r -> r.mapPrefix(ID_PREFIX, "classpath:" + RESOURCE_DIR)));
        for (CardKind kind : CardKind.values()) {
            Schema s = registry.getSchema(SchemaLocation.of(ID_PREFIX + kind.schemaFile()));
            s.initializeValidators(); // fail here, at start-up, on a broken $ref
            schemas.put(kind, s);
        }
        policy = registry.getSchema(SchemaLocation.of(ID_PREFIX + POLICY_FILE));
        policy.initializeValidators();
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

    /** The schema of a whole risk policy document (kind: Policy), such as the bundled default policy. */
    public Schema policySchema() {
        return policy;
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
     * A schema with the definitions it refers to in other bundled files copied in, so that editors
     * (yaml-language-server) can use it as one offline file: {@code common.schema.json#/$defs/x}
     * becomes {@code #/$defs/common-x}, {@code policy.schema.json#/$defs/rule} {@code #/$defs/policy-rule}.
     * The caller prints it, in the JSON style of every result.
     */
    public static com.fasterxml.jackson.databind.node.ObjectNode bundled(CardKind kind) {
        try {
            com.fasterxml.jackson.databind.node.ObjectNode schema =
                    (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(text(kind.schemaFile()));
            com.fasterxml.jackson.databind.node.ObjectNode defs = schema.has("$defs")
                    ? (com.fasterxml.jackson.databind.node.ObjectNode) schema.get("$defs")
                    : schema.putObject("$defs");
            java.util.Deque<String> pending = new java.util.ArrayDeque<>(referencedFiles(schema));
            java.util.Set<String> copied = new java.util.HashSet<>();
            rewriteRefs(schema, null);
            while (!pending.isEmpty()) {
                String file = pending.pop();
                if (file.equals(kind.schemaFile()) || !copied.add(file)) {
                    continue;
                }
                JsonNode other = JSON.readTree(text(file)).path("$defs");
                pending.addAll(referencedFiles(other));
                other.properties().forEach(e -> {
                    JsonNode copy = e.getValue().deepCopy();
                    rewriteRefs(copy, file);
                    defs.set(prefix(file) + e.getKey(), copy);
                });
            }
            return schema;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String prefix(String file) {
        return file.substring(0, file.length() - ".schema.json".length()) + "-";
    }

    private static java.util.Set<String> referencedFiles(JsonNode node) {
        java.util.Set<String> out = new java.util.TreeSet<>();
        if (node.isObject() || node.isArray()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.isTextual() && ref.asText().contains(".schema.json#")) {
                out.add(ref.asText().substring(0, ref.asText().indexOf('#')));
            }
            node.elements().forEachRemaining(child -> out.addAll(referencedFiles(child)));
        }
        return out;
    }

    /** Points refs at the copied definitions; {@code from} is the file a copied definition came from, or null. */
    private static void rewriteRefs(JsonNode node, String from) {
        if (node.isObject()) {
            com.fasterxml.jackson.databind.node.ObjectNode obj = (com.fasterxml.jackson.databind.node.ObjectNode) node;
            JsonNode ref = obj.get("$ref");
            if (ref != null && ref.isTextual()) {
                String r = ref.asText();
                int marker = r.indexOf(".schema.json#/$defs/");
                if (marker > 0) {
                    String file = r.substring(0, marker) + ".schema.json";
                    obj.put("$ref", "#/$defs/" + prefix(file) + r.substring(marker + ".schema.json#/$defs/".length()));
                } else if (from != null && r.startsWith("#/$defs/")) {
                    obj.put("$ref", "#/$defs/" + prefix(from) + r.substring("#/$defs/".length()));
                }
            }
            obj.elements().forEachRemaining(child -> rewriteRefs(child, from));
        } else if (node.isArray()) {
            node.elements().forEachRemaining(child -> rewriteRefs(child, from));
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
