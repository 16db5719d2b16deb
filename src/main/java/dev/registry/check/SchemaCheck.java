package dev.registry.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import dev.registry.cache.FileCache;
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

    private final FileCache cache;

    public SchemaCheck() {
        this(FileCache.disabled());
    }

    /** A check that takes a file's findings from the cache when its content was checked before. */
    public SchemaCheck(FileCache cache) {
        this.cache = cache;
    }

    @Override
    public List<Finding> run(Snapshot snapshot) {
        return run(snapshot, path -> true);
    }

    /** Only the wanted files are checked: a schema finding is about its own file alone. */
    @Override
    public List<Finding> run(Snapshot snapshot, java.util.function.Predicate<String> wanted) {
        List<RegistryFile> files = snapshot.files().values().stream().filter(f -> wanted.test(f.path())).toList();
        return dev.registry.Parallel.flatMap(files, this::cached);
    }

    private List<Finding> cached(RegistryFile f) {
        if (f.sha256().isEmpty() || !cache.enabled()) {
            return check(SchemaCatalog.get(), f);
        }
        Optional<List<Finding>> known = cache.schemaFindings(f.sha256(), f.kind(), f.path());
        if (known.isPresent()) {
            return known.get();
        }
        List<Finding> found = check(SchemaCatalog.get(), f);
        cache.rememberSchemaFindings(f.sha256(), f.kind(), found);
        return found;
    }

    /** Schema findings for one file. */
    public List<Finding> check(SchemaCatalog catalog, RegistryFile file) {
        return check(catalog, catalog.schema(file.kind()), file.path(), file.document());
    }

    /** Findings of one document against a given schema of the catalog (the risk policy's, say). */
    public List<Finding> check(SchemaCatalog catalog, com.networknt.schema.Schema schema, String path, YamlDocument doc) {
        List<Error> errors = typosResolved(alternativesResolved(schema.validate(doc.root())));
        Map<String, Finding> unique = new LinkedHashMap<>();
        for (Error e : errors) {
            Finding f = toFinding(catalog, path, doc, e);
            unique.putIfAbsent(f.pointer() + "\u0000" + f.message(), f);
        }
        return new ArrayList<>(unique.values());
    }

    /**
     * A failed {@code oneOf}/{@code anyOf} comes with the errors of every alternative, most of
     * them noise ("must be a string" next to "unknown field"). When some alternative has the
     * value's shape, only that alternative's errors are kept: they say what to fix. When none
     * has, only the {@code oneOf} error is kept: the value has the wrong shape.
     */
    static List<Error> alternativesResolved(List<Error> errors) {
        List<Error> dropped = new ArrayList<>();
        for (Error alt : errors) {
            if (!"oneOf".equals(alt.getKeyword()) && !"anyOf".equals(alt.getKeyword())) {
                continue;
            }
            String base = evaluationPath(alt) + "/";
            String at = alt.getInstanceLocation().toString();
            Map<String, List<Error>> byBranch = new LinkedHashMap<>();
            for (Error e : errors) {
                String path = evaluationPath(e);
                if (path.startsWith(base)) {
                    String rest = path.substring(base.length());
                    int slash = rest.indexOf('/');
                    byBranch.computeIfAbsent(slash < 0 ? rest : rest.substring(0, slash), k -> new ArrayList<>()).add(e);
                }
            }
            List<List<Error>> wrongShape = new ArrayList<>();
            boolean someFit = false;
            for (List<Error> branch : byBranch.values()) {
                boolean shape = branch.stream().anyMatch(e -> ("type".equals(e.getKeyword()) || "const".equals(e.getKeyword()))
                        && e.getInstanceLocation().toString().equals(at));
                if (shape) {
                    wrongShape.add(branch);
                } else {
                    someFit = true;
                }
            }
            if (someFit) {
                dropped.add(alt);
                wrongShape.forEach(dropped::addAll);
            } else {
                byBranch.values().forEach(dropped::addAll);
            }
        }
        List<Error> kept = new ArrayList<>(errors);
        kept.removeIf(e -> dropped.stream().anyMatch(d -> d == e));
        return kept;
    }

    /**
     * A misspelt required field is both unknown and missing; the unknown one, with its "did you
     * mean", says all there is to fix, so the missing one is dropped.
     */
    static List<Error> typosResolved(List<Error> errors) {
        List<Error> kept = new ArrayList<>();
        for (Error e : errors) {
            boolean misspelt = "required".equals(e.getKeyword()) && e.getProperty() != null && errors.stream().anyMatch(u ->
                    ("additionalProperties".equals(u.getKeyword()) || "unevaluatedProperties".equals(u.getKeyword()))
                            && u.getProperty() != null
                            && u.getInstanceLocation().toString().equals(e.getInstanceLocation().toString())
                            && NearestName.of(u.getProperty(), List.of(e.getProperty())).isPresent());
            if (!misspelt) {
                kept.add(e);
            }
        }
        return kept;
    }

    private static String evaluationPath(Error e) {
        return e.getEvaluationPath() == null ? "" : e.getEvaluationPath().toString();
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
        // Rule ids are kebab-case like every other: schema-max-length, schema-one-of.
        String rule = "schema-" + keyword.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
        switch (keyword) {
            case "required" -> {
                rule = "schema-required";
                message = "missing required field `" + property + "`" + (pointer.isEmpty() ? "" : " in `" + field + "`");
                // The field is missing, so point at what should hold it: the parent's key.
                at = doc.keyAt(pointer);
            }
            case "additionalProperties", "unevaluatedProperties" -> {
                rule = "schema-unknown-field";
                String child = YamlDocument.child(pointer, property);
                at = doc.keyAt(child);
                pointer = child;
                List<String> known = knownProperties(catalog, schemaLoc);
                message = "unknown field `" + clip(property) + "`" + (pointer.lastIndexOf('/') > 0 ? " in `" + field + "`" : "");
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
                message = value.isTextual() && value.asText().isEmpty()
                        ? "`" + field + "` must not be empty: expected " + lowerFirst(what)
                        : "`" + field + "` " + describe(value) + " is not valid: expected " + lowerFirst(what);
            }
            case "propertyNames" -> {
                String child = YamlDocument.child(pointer, property == null ? "" : property);
                at = doc.keyAt(child);
                pointer = child;
                message = "key `" + clip(property) + "` in `" + field + "` is not a valid name";
                hint = e.getSchemaNode().path("pattern").isTextual()
                        ? "names must match " + e.getSchemaNode().path("pattern").asText() : "";
            }
            case "uniqueItems" -> message = "`" + field + "` lists the same item twice";
            case "minItems" -> message = e.getSchemaNode().asInt() <= 1
                    ? "`" + field + "` must not be empty"
                    : "`" + field + "` must have at least " + e.getSchemaNode().asInt() + " items, found " + value.size();
            case "maxItems" -> message = "`" + field + "` must have at most " + e.getSchemaNode().asInt() + " items, found " + value.size();
            case "minLength" -> message = e.getSchemaNode().asInt() <= 1
                    ? "`" + field + "` must not be empty"
                    : "`" + field + "` must be at least " + e.getSchemaNode().asInt() + " characters long";
            case "maxLength" -> message = "`" + field + "` must be at most " + e.getSchemaNode().asInt()
                    + " characters long, found " + value.asText().codePointCount(0, value.asText().length());
            case "minimum" -> message = "`" + field + "` must be at least " + e.getSchemaNode().asText() + ", found " + value.asText();
            case "maximum" -> message = "`" + field + "` must be at most " + e.getSchemaNode().asText() + ", found " + value.asText();
            case "oneOf", "anyOf" -> {
                String shapes = describeAlternatives(e.getSchemaNode());
                message = "`" + field + "` must be " + shapes + ", found " + describe(value);
                hint = coercionHint(doc, pointer, value, shapes.contains("text") ? "a string" : shapes);
            }
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
        return String.join(" or ", shapes);
    }

    /** Keys come from untrusted files: keep messages one readable line. */
    private static String clip(String s) {
        if (s == null) {
            return "";
        }
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }

    static String describe(JsonNode v) {
        if (v == null || v.isMissingNode()) {
            return "nothing";
        }
        if (v.isNull() || v.isTextual() && v.asText().isEmpty()) {
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
