package dev.registry.edit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The model card fields that {@code register} and {@code import} set: where each lives in the
 * card, its command-line option, and the spreadsheet column names that mean it. One table, so
 * flags, columns and error locations cannot drift apart.
 */
public enum ModelField {
    NAME(List.of("name"), Type.TEXT, "--name", "model"),
    VERSION(List.of("version"), Type.TEXT, "--version"),
    PROVIDER(List.of("provider"), Type.TEXT, "--provider"),
    DESCRIPTION(List.of("description"), Type.TEXT, "--description"),
    MODALITY(List.of("modality"), Type.LIST, "--modality", "modalities"),
    CAPABILITIES(List.of("capabilities"), Type.LIST, "--capability"),
    USE_DOMAINS(List.of("useDomains"), Type.LIST, "--use-domain"),
    INTENDED_USE(List.of("intendedUse"), Type.LIST, "--intended-use", "intendedUses"),
    DISALLOWED_USE(List.of("disallowedUse"), Type.LIST, "--disallowed-use", "disallowedUses"),
    OWNERS(List.of("owners"), Type.LIST, "--owner"),
    DATA_TAGS(List.of("dataTags"), Type.LIST, "--data-tag"),
    CONTEXT_WINDOW(List.of("contextWindow"), Type.INT, "--context-window"),
    DATA_RESIDENCY(List.of("compliance", "dataResidency"), Type.LIST, "--data-residency", "residency"),
    FALLBACKS(List.of("fallbacks"), Type.LIST, "--fallback"),
    STAGE(List.of("lifecycle", "stage"), Type.TEXT, "--stage", "lifecycleStage");

    /** How a field's value is written. */
    public enum Type { TEXT, LIST, INT }

    /** The fields a new card cannot do without (the schema's required fields). */
    public static final List<ModelField> REQUIRED = List.of(NAME, VERSION, PROVIDER, OWNERS);

    private final List<String> path;
    private final Type type;
    private final String option;
    private final List<String> aliases;

    ModelField(List<String> path, Type type, String option, String... extraAliases) {
        this.path = path;
        this.type = type;
        this.option = option;
        List<String> a = new ArrayList<>();
        a.add(path.get(path.size() - 1));
        a.add(option.substring(2));
        a.addAll(List.of(extraAliases));
        this.aliases = List.copyOf(a);
    }

    /** Where the field lives in the card, as keys from the top. */
    public List<String> path() {
        return path;
    }

    /** The JSON pointer of the field in the card. */
    public String pointer() {
        return "/" + String.join("/", path);
    }

    public Type type() {
        return type;
    }

    /** The command-line option of {@code register}. */
    public String option() {
        return option;
    }

    /** The name a spreadsheet column is documented under: the card's key. */
    public String column() {
        return path.get(path.size() - 1);
    }

    /** Every column header that means this field, as written in the documentation. */
    public List<String> columnNames() {
        return aliases;
    }

    /**
     * The field a column header names. Headers match whatever their case and separators
     * ({@code useDomains}, {@code use-domain}, {@code Use domain}, {@code use_domains} all work).
     */
    public static Optional<ModelField> forColumn(String header) {
        String h = normal(header);
        for (ModelField f : values()) {
            for (String a : f.aliases) {
                String n = normal(a);
                if (h.equals(n) || h.equals(n + "s") || (n.endsWith("s") && h.equals(n.substring(0, n.length() - 1)))) {
                    return Optional.of(f);
                }
            }
        }
        return Optional.empty();
    }

    /** The field a JSON pointer in a model card falls under, if any. */
    public static Optional<ModelField> forPointer(String pointer) {
        for (ModelField f : values()) {
            String p = f.pointer();
            if (pointer.equals(p) || pointer.startsWith(p + "/")) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    private static String normal(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
