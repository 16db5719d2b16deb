package dev.registry.edit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.registry.card.CardKind;
import dev.registry.check.SchemaCatalog;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The canonical order of a card's keys, taken from the order of {@code properties} in the card
 * kind's JSON Schema: the schema is the one place that lists every field, so new cards and keys
 * added to existing cards follow it without a second list to keep in step.
 */
public final class KeyOrder {

    /** Path segment that steps into the items of a list (approvals, evaluations). */
    public static final String ITEMS = "[]";

    private static final Map<CardKind, KeyOrder> CACHE = new EnumMap<>(CardKind.class);

    private final String schemaId;

    private KeyOrder(String schemaId) {
        this.schemaId = schemaId;
    }

    public static synchronized KeyOrder of(CardKind kind) {
        return CACHE.computeIfAbsent(kind, k -> new KeyOrder(SchemaCatalog.ID_PREFIX + k.schemaFile()));
    }

    /** The known keys of the mapping at {@code path} (keys, or {@link #ITEMS}), in order; empty when unknown. */
    public List<String> keys(List<String> path) {
        Optional<Located> node = resolve(new Located(schemaId, "")).flatMap(n -> walk(n, path, 0));
        List<String> out = new ArrayList<>();
        node.map(n -> n.node().path("properties")).ifPresent(p -> p.fieldNames().forEachRemaining(out::add));
        return out;
    }

    /** A schema node and the document it belongs to, so relative {@code $ref}s can be followed. */
    private record Located(String file, String pointer) {
        JsonNode node() {
            return SchemaCatalog.get().node(file + "#" + pointer).orElse(com.fasterxml.jackson.databind.node.MissingNode.getInstance());
        }
    }

    private Optional<Located> walk(Located at, List<String> path, int i) {
        if (i == path.size()) {
            return Optional.of(at);
        }
        String seg = path.get(i);
        String child = seg.equals(ITEMS) ? at.pointer() + "/items"
                : at.pointer() + "/properties/" + seg.replace("~", "~0").replace("/", "~1");
        Located next = new Located(at.file(), child);
        if (next.node().isMissingNode()) {
            return Optional.empty();
        }
        return resolve(next).flatMap(n -> walk(n, path, i + 1));
    }

    /** Follows {@code $ref} chains to the node that declares the properties. */
    private Optional<Located> resolve(Located at) {
        Located cur = at;
        for (int guard = 0; guard < 8; guard++) {
            JsonNode ref = cur.node().path("$ref");
            if (!ref.isTextual()) {
                return cur.node().isMissingNode() ? Optional.empty() : Optional.of(cur);
            }
            String r = ref.asText();
            int hash = r.indexOf('#');
            String file = hash <= 0 ? cur.file() : SchemaCatalog.ID_PREFIX + r.substring(0, hash);
            cur = new Located(file, hash < 0 ? "" : r.substring(hash + 1));
        }
        return Optional.empty();
    }
}
