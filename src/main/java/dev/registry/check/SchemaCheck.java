package dev.registry.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import dev.registry.finding.Finding;
import dev.registry.finding.Location;
import dev.registry.source.RegistryFile;
import dev.registry.source.Snapshot;
import dev.registry.source.YamlDocument;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Validates every file against the schema its place in the layout requires, and rewrites the
 * validator's errors into located findings that say what to do.
 */
public final class SchemaCheck implements Check {

    @Override
    public List<Finding> run(Snapshot snapshot) {
        SchemaCatalog catalog = SchemaCatalog.get();
        return snapshot.files().values().parallelStream()
                .flatMap(f -> check(catalog, f).stream())
                .collect(Collectors.toList());
    }

    /** Schema findings for one file. */
    public List<Finding> check(SchemaCatalog catalog, RegistryFile file) {
        return check(catalog, catalog.schema(file.kind()), file.path(), file.document());
    }

    /** Findings of one document against a given schema of the catalog (the risk policy's, say). */
    public List<Finding> check(SchemaCatalog catalog, com.networknt.schema.Schema schema, String path, YamlDocument doc) {
        List<Error> errors = schema.validate(doc.root());
        Map<String, Finding> unique = new LinkedHashMap<>();
        for (Error e : errors) {
            Finding f = toFinding(catalog, path, doc, e);
            unique.putIfAbsent(f.pointer() + "\u0000" + f.message(), f);
        }
        return new ArrayList<>(unique.values());
    }

    private Finding toFinding(SchemaCatalog catalog, String path, YamlDocument doc, Error e) {
        String pointer = e.getInstanceLocation().toString();
        String keyword = e.getKeyword() == null ? "schema" : e.getKeyword();
        String property = e.getProperty();
        String field = fieldName(pointer);
        JsonNode value = e.getInstanceNode() == null ? doc.root().at(pointer) : e.getInstanceNode();
        String schemaLoc = e.getSchemaLocation() == null ? "" : e.getSchemaLocation().toString();
        String message;
        String hint = "";
        Location at = doc.valueAt(pointer);
        String rule = "schema-" + keyword;
        switch (keyword) {
            case "required" -> {
                rule = "schema-required";
                message = "missing required field `" + property + "`" + (pointer.isEmpty() ? "" : " in `" + field + "`");
                at = pointer.isEmpty() ? Location.START : doc.keyAt(pointer);
            }
            case "additionalProperties", "unevaluatedProperties" -> {
                rule = "schema-unknown-field";
                String child = YamlDocument.child(pointer, property);
                at = doc.keyAt(child);
                pointer = child;
                List<String> known = knownProperties(catalog, schemaLoc);
                message = "unknown field `" + property + "`" + (pointer.lastIndexOf('/') > 0 ? " in `" + field + "`" : "");
                hint = NearestName.didYouMean(property, known);
                if (hint.isEmpty() && !known.isEmpty()) {
                    hint = "known fields here: " + String.join(", ", known);
                }
            }
            case "type" -> {
                String expected = describeExpected(e.getSchemaNode());
                message = "`" + field + "` must be " + expected + ", found " + describe(value);
                hint = coercionHint(doc, pointer, value, expected);
            }
            case "const" -> {
                message = "`" + field + "` must be `" + e.getSchemaNode().asText() + "`, found " + describe(value);
                hint = coercionHint(doc, pointer, value, "a string");
            }
            case "enum" -> {
                List<String> allowed = new ArrayList<>();
                e.getSchemaNode().forEach(n -> allowed.add(n.asText()));
                message = "`" + field + "` must be one of " + String.join(", ", allowed) + "; found " + describe(value);
                hint = value.isTextual() ? NearestName.didYouMean(value.asText(), allowed) : coercionHint(doc, pointer, value, "a string");
            }
            case "pattern" -> {
                String what = parentDescription(catalog, schemaLoc).orElse("matching " + e.getSchemaNode().asText());
                message = "`" + field + "` " + describe(value) + " is not valid: expected " + lowerFirst(what);
            }
            case "uniqueItems" -> message = "`" + field + "` lists the same item twice";
            case "minItems" -> message = "`" + field + "` must not be empty";
            case "maxLength", "minLength", "minimum", "maximum", "maxItems" ->
                    message = "`" + field + "` " + stripLocation(e.getMessage(), pointer);
            case "oneOf", "anyOf" -> message = "`" + field + "` has the wrong shape: " + describeAlternatives(e.getSchemaNode());
            default -> message = (field.isEmpty() ? "" : "`" + field + "` ") + stripLocation(e.getMessage(), pointer);
        }
        return Finding.error(rule, path, at, pointer, message, hint);
    }

    /** Hints for the YAML 1.1 surprises: 1.10 is a number, NO is false, 0755 is octal. */
    private static String coercionHint(YamlDocument doc, String pointer, JsonNode value, String expected) {
        String raw = doc.coerced().get(pointer);
        if (raw == null || !expected.contains("string")) {
            return value.isNull() ? "the value is empty; give one, or remove the key" : "";
        }
        if (value.isNull()) {
            return "the value is empty; give one, or remove the key";
        }
        String reads = value.isBoolean() ? "the boolean " + value.asText() : "the number " + value.asText();
        return "YAML reads the unquoted " + raw + " as " + reads + "; quote it: \"" + raw + "\"";
    }

    private static List<String> knownProperties(SchemaCatalog catalog, String schemaLocation) {
        String parent = parentLocation(schemaLocation);
        List<String> out = new ArrayList<>();
        catalog.node(parent).map(n -> n.path("properties")).ifPresent(p -> p.fieldNames().forEachRemaining(out::add));
        return out;
    }

    private static Optional<String> parentDescription(SchemaCatalog catalog, String schemaLocation) {
        return catalog.node(parentLocation(schemaLocation))
                .map(n -> n.path("description"))
                .filter(JsonNode::isTextual)
                .map(JsonNode::asText);
    }

    private static String parentLocation(String schemaLocation) {
        int slash = schemaLocation.lastIndexOf('/');
        int hash = schemaLocation.indexOf('#');
        return slash > hash ? schemaLocation.substring(0, slash) : schemaLocation;
    }

    private static String describeExpected(JsonNode typeNode) {
        List<String> types = new ArrayList<>();
        if (typeNode.isArray()) {
            typeNode.forEach(t -> types.add(t.asText()));
        } else {
            types.add(typeNode.asText());
        }
        return types.stream().map(t -> switch (t) {
            case "object" -> "a mapping";
            case "array" -> "a list";
            case "integer" -> "a whole number";
            default -> "a " + t;
        }).collect(Collectors.joining(" or "));
    }

    private static String describeAlternatives(JsonNode alternatives) {
        List<String> shapes = new ArrayList<>();
        for (JsonNode alt : alternatives) {
            shapes.add(alt.has("$ref") && alt.get("$ref").asText().endsWith("/text") ? "a text" : "a mapping");
        }
        return "expected " + String.join(" or ", shapes);
    }

    static String describe(JsonNode v) {
        if (v == null || v.isMissingNode()) {
            return "nothing";
        }
        if (v.isNull()) {
            return "an empty value";
        }
        if (v.isTextual()) {
            String t = v.asText();
            return "`" + (t.length() > 60 ? t.substring(0, 57) + "..." : t) + "`";
        }
        if (v.isNumber()) {
            return "the number " + v.asText();
        }
        if (v.isBoolean()) {
            return "the boolean " + v.asText();
        }
        return v.isArray() ? "a list" : "a mapping";
    }

    private static String fieldName(String pointer) {
        if (pointer.isEmpty()) {
            return "";
        }
        String[] parts = pointer.substring(1).split("/");
        StringBuilder sb = new StringBuilder();
        for (String p : parts) {
            String name = p.replace("~1", "/").replace("~0", "~");
            if (name.chars().allMatch(Character::isDigit)) {
                sb.append('[').append(name).append(']');
            } else {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(name);
            }
        }
        return sb.toString();
    }

    private static String stripLocation(String message, String pointer) {
        String prefix = pointer + ": ";
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
