package dev.registry.edit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Edits a card's YAML text in place, so that comments, key order, quoting, blank lines and list
 * styles outside the edited values stay byte for byte as the user wrote them.
 *
 * <p>Each edit composes the text into SnakeYAML nodes, which carry the source position of every
 * key and value, and splices new text between those positions; nothing is ever re-serialised from
 * objects. New keys go where the schema's field order puts them, at the mapping's indentation.
 * Every edit is checked: {@link #text()} re-reads the result and fails (a bug, never a silently
 * changed card) unless it holds exactly the old values with the requested changes.
 *
 * <p>Only give it files the strict reader accepted: it trusts the text to be a small, plain card.
 */
public final class CardEditor {

    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLParser.Feature.EMPTY_STRING_AS_NULL).build());
    /** Numbers compare by value: a reader may make 5 an int one time and a long the next. */
    private static final Comparator<JsonNode> SAME = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
    };

    private final KeyOrder order;
    private final boolean crlf;
    private String text;
    private Node root;
    private final JsonNode expected;

    private CardEditor(String text, KeyOrder order) {
        this.order = order;
        int nl = text.indexOf('\n');
        this.crlf = nl > 0 && text.charAt(nl - 1) == '\r';
        this.text = text;
        this.root = compose(text);
        this.expected = read(text);
        if (!(root instanceof MappingNode)) {
            throw new IllegalArgumentException("a card is a mapping of keys to values");
        }
    }

    /** An editor over a card's text; {@code order} places keys the card does not have yet. */
    public static CardEditor of(String text, KeyOrder order) {
        return new CardEditor(text, order);
    }

    /** The edited text, after checking that it reads back as the old values plus the edits. */
    public String text() {
        JsonNode actual = read(text);
        if (!expected.equals(SAME, actual)) {
            throw new IllegalStateException("card edit produced a different document than intended:\n" + text);
        }
        return text;
    }

    /** The string at a path of keys, if there is one. */
    public Optional<String> scalar(List<String> path) {
        return find(path).filter(n -> n instanceof ScalarNode s && s.getTag().equals(Tag.STR))
                .map(n -> ((ScalarNode) n).getValue());
    }

    public boolean has(List<String> path) {
        return find(path).isPresent();
    }

    /**
     * Sets the value at a path of keys: replaces it where it is (keeping a scalar's quoting style
     * and a list's block or flow style), or adds the key, creating missing parent mappings.
     */
    public CardEditor set(List<String> path, YamlValue value) {
        if (path.isEmpty()) {
            throw new IllegalArgumentException("empty path");
        }
        MappingNode m = (MappingNode) root;
        for (int i = 0; i < path.size(); i++) {
            String key = path.get(i);
            Optional<NodeTuple> t = tuple(m, key);
            boolean last = i == path.size() - 1;
            if (t.isEmpty()) {
                insert(m, path.subList(0, i), key, nest(path.subList(i + 1, path.size()), value));
                break;
            }
            Node v = t.get().getValueNode();
            if (last) {
                replace(t.get(), value);
                break;
            }
            if (v instanceof MappingNode child) {
                m = child;
            } else if (isNull(v)) {
                replace(t.get(), nest(path.subList(i + 1, path.size()), value));
                break;
            } else {
                throw new IllegalArgumentException("`" + String.join(".", path.subList(0, i + 1)) + "` is not a mapping");
            }
        }
        expectSet(path, value);
        return this;
    }

    /** Removes the key at the path with its value; nothing happens when it is absent. */
    public CardEditor remove(List<String> path) {
        Optional<Node> parent = path.size() == 1 ? Optional.of(root) : find(path.subList(0, path.size() - 1));
        if (parent.isEmpty() || !(parent.get() instanceof MappingNode m)) {
            return this;
        }
        String key = path.get(path.size() - 1);
        Optional<NodeTuple> t = tuple(m, key);
        if (t.isEmpty()) {
            return this;
        }
        if (m.getValue().size() == 1 && m != root) {
            set(path.subList(0, path.size() - 1), new YamlValue.Mapping(java.util.Map.of()));
            return this;
        }
        removeTuple(m, t.get());
        JsonNode p = path.size() == 1 ? expected : expected.at(pointer(path.subList(0, path.size() - 1)));
        ((ObjectNode) p).remove(key);
        return this;
    }

    /** Adds an item at the end of the list at the path, creating the list when absent. */
    public CardEditor append(List<String> path, YamlValue item) {
        Optional<Node> found = find(path);
        if (found.isEmpty() || isNull(found.get())) {
            return set(path, new YamlValue.Seq(List.of(item)));
        }
        if (!(found.get() instanceof SequenceNode s)) {
            throw new IllegalArgumentException("`" + String.join(".", path) + "` is not a list");
        }
        if (s.getFlowStyle() == DumperOptions.FlowStyle.FLOW) {
            int close = index(s.getEndMark()) - 1;
            splice(close, close, (s.getValue().isEmpty() ? "" : ", ") + YamlText.inline(item));
        } else {
            int at = lineEndAfter(contentEnd(s));
            int dash = s.getStartMark().getColumn();
            splice(at, at, prefixNewline(at) + YamlText.item(item, dash));
        }
        ((ArrayNode) expected.at(pointer(path))).add(item.toJson());
        return this;
    }

    // ---- finding nodes

    private Optional<Node> find(List<String> path) {
        Node n = root;
        for (String key : path) {
            if (!(n instanceof MappingNode m)) {
                return Optional.empty();
            }
            Optional<NodeTuple> t = tuple(m, key);
            if (t.isEmpty()) {
                return Optional.empty();
            }
            n = t.get().getValueNode();
        }
        return Optional.of(n);
    }

    private static Optional<NodeTuple> tuple(MappingNode m, String key) {
        return m.getValue().stream()
                .filter(t -> t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key))
                .findFirst();
    }

    private static boolean isNull(Node n) {
        return n instanceof ScalarNode s && s.getTag().equals(Tag.NULL);
    }

    // ---- edits

    private void replace(NodeTuple t, YamlValue value) {
        Node v = t.getValueNode();
        int afterColon = afterColon(t);
        boolean blockOld = v instanceof SequenceNode s && s.getFlowStyle() == DumperOptions.FlowStyle.BLOCK
                || v instanceof MappingNode mm && mm.getFlowStyle() == DumperOptions.FlowStyle.BLOCK
                || v instanceof ScalarNode sc && (sc.getScalarStyle() == DumperOptions.ScalarStyle.LITERAL
                        || sc.getScalarStyle() == DumperOptions.ScalarStyle.FOLDED);
        boolean emptyNull = isNull(v) && index(v.getStartMark()) == index(v.getEndMark());
        boolean inline;
        if (value instanceof YamlValue.Seq seq && !seq.items().isEmpty()) {
            // A block list stays a block list; a flow list or a scalar becomes one when it fits.
            inline = !(v instanceof SequenceNode old && old.getFlowStyle() == DumperOptions.FlowStyle.BLOCK)
                    && YamlText.staysInline(value);
        } else if (value instanceof YamlValue.Mapping map && !map.entries().isEmpty()) {
            inline = v instanceof MappingNode old && old.getFlowStyle() == DumperOptions.FlowStyle.FLOW
                    && YamlText.inline(value).length() <= YamlText.FLOW_WIDTH;
        } else {
            inline = true; // scalars, [] and {}
        }
        if (inline) {
            String rendered = v instanceof ScalarNode sc && value instanceof YamlValue.Text tx
                    ? styled(sc, tx.value()) : YamlText.inline(value);
            if (emptyNull) {
                splice(afterColon, afterColon, " " + rendered);
            } else if (blockOld) {
                splice(afterColon, lineEnd(contentEnd(v)), " " + rendered);
            } else {
                splice(index(v.getStartMark()), contentEnd(v), rendered);
            }
            return;
        }
        int indent = childIndent(t);
        String block = YamlText.block(ordered(value, pathOf(t)), indent);
        // A comment at the end of the old value's last line described that line; it goes with it.
        splice(afterColon, emptyNull ? afterColon : blockOld ? lineEnd(contentEnd(v)) : contentEnd(v),
                "\n" + block.substring(0, block.length() - 1));
    }

    /** A new string in the quoting style the old one used, where that style can hold it. */
    private static String styled(ScalarNode old, String value) {
        return switch (old.getScalarStyle()) {
            case DOUBLE_QUOTED -> YamlText.doubleQuoted(value);
            case SINGLE_QUOTED -> YamlText.singleQuoted(value);
            default -> YamlText.scalar(new YamlValue.Text(value));
        };
    }

    private void insert(MappingNode m, List<String> mappingPath, String key, YamlValue value) {
        YamlValue v = ordered(value, YamlText.append(mappingPath, key));
        if (m.getFlowStyle() == DumperOptions.FlowStyle.FLOW) {
            int close = index(m.getEndMark()) - 1;
            splice(close, close, (m.getValue().isEmpty() ? "" : ", ") + YamlText.key(key) + ": " + YamlText.inline(v));
            return;
        }
        List<NodeTuple> tuples = m.getValue();
        int indent = tuples.get(0).getKeyNode().getStartMark().getColumn();
        String entry = YamlText.entry(key, v, indent);
        List<String> canonical = order.keys(mappingPath);
        int rank = canonical.indexOf(key);
        NodeTuple after = null;
        NodeTuple before = null;
        for (NodeTuple t : tuples) {
            int r = canonical.indexOf(((ScalarNode) t.getKeyNode()).getValue());
            if (rank >= 0 && r >= 0 && r < rank) {
                after = t;
            } else if (rank >= 0 && r > rank && before == null) {
                before = t;
            }
        }
        if (after == null && before != null && atLineStart(before.getKeyNode())) {
            int at = lineStart(index(before.getKeyNode().getStartMark()));
            splice(at, at, entry);
            return;
        }
        NodeTuple anchor = after != null ? after : tuples.get(tuples.size() - 1);
        int at = lineEndAfter(contentEnd(anchor.getValueNode(), anchor));
        splice(at, at, prefixNewline(at) + entry);
    }

    private void removeTuple(MappingNode m, NodeTuple t) {
        List<NodeTuple> tuples = m.getValue();
        int i = tuples.indexOf(t);
        Node k = t.getKeyNode();
        int end = contentEnd(t.getValueNode(), t);
        if (m.getFlowStyle() == DumperOptions.FlowStyle.FLOW) {
            if (i < tuples.size() - 1) {
                splice(index(k.getStartMark()), index(tuples.get(i + 1).getKeyNode().getStartMark()), "");
            } else {
                NodeTuple prev = tuples.get(i - 1);
                splice(contentEnd(prev.getValueNode(), prev), end, "");
            }
            return;
        }
        if (atLineStart(k)) {
            splice(lineStart(index(k.getStartMark())), lineEndAfter(end), "");
        } else {
            // First key of a list item (`- stage: x`): the next key moves up onto the dash's line.
            splice(index(k.getStartMark()), index(tuples.get(i + 1).getKeyNode().getStartMark()), "");
        }
    }

    /** Where a collection written below key {@code t} is indented. */
    private int childIndent(NodeTuple t) {
        Node v = t.getValueNode();
        if (v instanceof MappingNode m && m.getFlowStyle() == DumperOptions.FlowStyle.BLOCK && !m.getValue().isEmpty()) {
            return m.getValue().get(0).getKeyNode().getStartMark().getColumn();
        }
        if (v instanceof SequenceNode s && s.getFlowStyle() == DumperOptions.FlowStyle.BLOCK && !s.getValue().isEmpty()) {
            return s.getStartMark().getColumn();
        }
        return t.getKeyNode().getStartMark().getColumn() + 2;
    }

    private YamlValue ordered(YamlValue v, List<String> path) {
        return v instanceof YamlValue.Mapping m ? YamlText.ordered(m, order, path) : v;
    }

    /** The key path of a tuple, found by identity from the root (cards are small). */
    private List<String> pathOf(NodeTuple target) {
        List<String> out = new ArrayList<>();
        return search(root, target, out) ? out : List.of();
    }

    private static boolean search(Node n, NodeTuple target, List<String> path) {
        if (n instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                path.add(((ScalarNode) t.getKeyNode()).getValue());
                if (t == target || search(t.getValueNode(), target, path)) {
                    return true;
                }
                path.remove(path.size() - 1);
            }
        }
        return false;
    }

    private static YamlValue nest(List<String> rest, YamlValue value) {
        YamlValue v = value;
        for (int i = rest.size() - 1; i >= 0; i--) {
            v = new YamlValue.Mapping(java.util.Map.of(rest.get(i), v));
        }
        return v;
    }

    private void expectSet(List<String> path, YamlValue value) {
        ObjectNode o = (ObjectNode) expected;
        for (int i = 0; i < path.size() - 1; i++) {
            JsonNode next = o.get(path.get(i));
            if (next == null || !next.isObject()) {
                next = o.putObject(path.get(i));
            }
            o = (ObjectNode) next;
        }
        o.set(path.get(path.size() - 1), value.toJson());
    }

    // ---- positions

    /** Where a value's own text ends: block collections and block scalars end before trailing comments and blank lines. */
    private int contentEnd(Node n) {
        if (n instanceof ScalarNode s) {
            int end = index(s.getEndMark());
            if ((s.getScalarStyle() == DumperOptions.ScalarStyle.LITERAL || s.getScalarStyle() == DumperOptions.ScalarStyle.FOLDED)
                    && !keepsTrailingLines(s)) {
                while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
                    end--;
                }
            }
            return end;
        }
        if (n instanceof SequenceNode s && s.getFlowStyle() == DumperOptions.FlowStyle.BLOCK && !s.getValue().isEmpty()) {
            return contentEnd(s.getValue().get(s.getValue().size() - 1));
        }
        if (n instanceof MappingNode m && m.getFlowStyle() == DumperOptions.FlowStyle.BLOCK && !m.getValue().isEmpty()) {
            NodeTuple last = m.getValue().get(m.getValue().size() - 1);
            return contentEnd(last.getValueNode(), last);
        }
        return index(n.getEndMark());
    }

    /** A block scalar with the keep indicator ({@code |+}) owns its trailing blank lines. */
    private boolean keepsTrailingLines(ScalarNode s) {
        int i = index(s.getStartMark()) + 1;
        while (i < text.length() && "+-0123456789".indexOf(text.charAt(i)) >= 0) {
            if (text.charAt(i) == '+') {
                return true;
            }
            i++;
        }
        return false;
    }

    /** As {@link #contentEnd(Node)}, where an empty value ends right after its key's colon. */
    private int contentEnd(Node value, NodeTuple owner) {
        if (isNull(value) && index(value.getStartMark()) == index(value.getEndMark())) {
            return afterColon(owner);
        }
        return contentEnd(value);
    }

    private int afterColon(NodeTuple t) {
        int i = index(t.getKeyNode().getEndMark());
        while (i < text.length() && text.charAt(i) != ':') {
            i++;
        }
        return i + 1;
    }

    private boolean atLineStart(Node key) {
        int start = index(key.getStartMark());
        return text.substring(lineStart(start), start).isBlank();
    }

    private int lineStart(int i) {
        int s = i;
        while (s > 0 && text.charAt(s - 1) != '\n') {
            s--;
        }
        return s;
    }

    /** The index just past the newline that ends the line holding position {@code i - 1}. */
    private int lineEndAfter(int i) {
        if (i > 0 && text.charAt(i - 1) == '\n') {
            return i;
        }
        int nl = text.indexOf('\n', i);
        return nl < 0 ? text.length() : nl + 1;
    }

    /** The index of the newline ending the line that holds position {@code i}, or the text's end. */
    private int lineEnd(int i) {
        int nl = text.indexOf('\n', i);
        if (nl < 0) {
            return text.length();
        }
        return nl > i && text.charAt(nl - 1) == '\r' ? nl - 1 : nl;
    }

    private String prefixNewline(int at) {
        return at == text.length() && !text.isEmpty() && !text.endsWith("\n") ? "\n" : "";
    }

    /** SnakeYAML marks count code points; String indexes count chars. */
    private int index(Mark m) {
        int cp = m.getIndex();
        return text.length() == text.codePointCount(0, text.length()) ? cp : text.offsetByCodePoints(0, cp);
    }

    private void splice(int from, int to, String replacement) {
        // A card saved with CRLF line ends keeps them on the lines an edit writes.
        String r = crlf ? replacement.replace("\r\n", "\n").replace("\n", "\r\n") : replacement;
        text = text.substring(0, from) + r + text.substring(to);
        root = compose(text);
    }

    private static String pointer(List<String> path) {
        StringBuilder b = new StringBuilder();
        path.forEach(p -> b.append('/').append(p.replace("~", "~0").replace("/", "~1")));
        return b.toString();
    }

    private static Node compose(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(0);
        options.setAllowDuplicateKeys(false);
        options.setCodePointLimit(4 * 1024 * 1024);
        Node n = new Yaml(options).compose(new StringReader(text));
        if (n == null) {
            throw new IllegalArgumentException("the card is empty");
        }
        return n;
    }

    private static JsonNode read(String text) {
        try {
            return YAML.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
