package dev.registry.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.ConcurrentModificationException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * The members of one mapping of a tree, in insertion order, kept in two arrays in place of the
 * {@code LinkedHashMap} Jackson gives every object node. A card's mappings hold a handful of
 * members each, and the trees of every card are held for a whole run: with an entry object and a
 * hash table per mapping, the maps were nearly half of what a run over 10,000 cards kept in memory,
 * and so of what the garbage collector copied. Lookups search the keys in order, comparing the
 * hash each string caches before its characters, which for a few keys (shared instances, see
 * {@link SharedValues}, so often an identity test) costs less than a hash table; a mapping past {@value #INDEXED} members (an owners file's teams) gets a hash index,
 * so that no lookup is linear in a large one. A full mutable {@link Map}: Jackson's object node
 * and the schema validator use it as they would any other.
 */
public final class FieldMap extends AbstractMap<String, JsonNode> {

    private static final int INDEXED = 32;

    private String[] keys;
    private JsonNode[] values;
    private int size;
    private int modCount;
    /** Positions by key, once the map is larger than {@link #INDEXED}; dropped on removal, made again when needed. */
    private HashMap<String, Integer> index;

    public FieldMap() {
        keys = new String[4];
        values = new JsonNode[4];
    }

    /** An empty object node whose members are kept in a {@link FieldMap}. */
    public static ObjectNode objectNode() {
        return new ObjectNode(JsonNodeFactory.instance, new FieldMap());
    }

    private int indexOf(Object key) {
        if (size > INDEXED) {
            if (index == null) {
                index = new HashMap<>(size * 2);
                for (int i = 0; i < size; i++) {
                    index.put(keys[i], i);
                }
            }
            Integer at = index.get(key);
            return at == null ? -1 : at;
        }
        if (!(key instanceof String name)) {
            return -1;
        }
        // Strings cache their hash: comparing it first leaves equals to the one likely match.
        int hash = name.hashCode();
        for (int i = 0; i < size; i++) {
            String k = keys[i];
            if (k == name || k.hashCode() == hash && k.equals(name)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public boolean containsKey(Object key) {
        return key != null && indexOf(key) >= 0;
    }

    @Override
    public JsonNode get(Object key) {
        if (key == null) {
            return null;
        }
        int i = indexOf(key);
        return i < 0 ? null : values[i];
    }

    @Override
    public JsonNode put(String key, JsonNode value) {
        Objects.requireNonNull(key, "a mapping key");
        int i = indexOf(key);
        if (i >= 0) {
            JsonNode old = values[i];
            values[i] = value;
            return old;
        }
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        keys[size] = key;
        values[size] = value;
        if (index != null) {
            index.put(key, size);
        }
        size++;
        modCount++;
        return null;
    }

    @Override
    public JsonNode remove(Object key) {
        if (key == null) {
            return null;
        }
        int i = indexOf(key);
        if (i < 0) {
            return null;
        }
        JsonNode old = values[i];
        removeAt(i);
        return old;
    }

    private void removeAt(int i) {
        System.arraycopy(keys, i + 1, keys, i, size - i - 1);
        System.arraycopy(values, i + 1, values, i, size - i - 1);
        size--;
        keys[size] = null;
        values[size] = null;
        index = null;
        modCount++;
    }

    @Override
    public void clear() {
        Arrays.fill(keys, 0, size, null);
        Arrays.fill(values, 0, size, null);
        size = 0;
        index = null;
        modCount++;
    }

    @Override
    public Set<Map.Entry<String, JsonNode>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return size;
            }

            @Override
            public Iterator<Map.Entry<String, JsonNode>> iterator() {
                return new Iterator<>() {
                    private int next;
                    private int last = -1;
                    private int expected = modCount;

                    @Override
                    public boolean hasNext() {
                        return next < size;
                    }

                    @Override
                    public Map.Entry<String, JsonNode> next() {
                        if (modCount != expected) {
                            throw new ConcurrentModificationException();
                        }
                        if (next >= size) {
                            throw new NoSuchElementException();
                        }
                        last = next++;
                        return new Member(last);
                    }

                    @Override
                    public void remove() {
                        if (last < 0) {
                            throw new IllegalStateException();
                        }
                        if (modCount != expected) {
                            throw new ConcurrentModificationException();
                        }
                        removeAt(last);
                        next = last;
                        last = -1;
                        expected = modCount;
                    }
                };
            }
        };
    }

    /** A member as an entry; setting its value writes through to the map. */
    private final class Member implements Map.Entry<String, JsonNode> {
        private final int at;
        private final String key;

        Member(int at) {
            this.at = at;
            this.key = keys[at];
        }

        @Override
        public String getKey() {
            return key;
        }

        @Override
        public JsonNode getValue() {
            return at < size && keys[at] == key ? values[at] : get(key);
        }

        @Override
        public JsonNode setValue(JsonNode value) {
            int i = at < size && keys[at] == key ? at : indexOf(key);
            if (i < 0) {
                throw new IllegalStateException("the member " + key + " was removed");
            }
            JsonNode old = values[i];
            values[i] = value;
            return old;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Map.Entry<?, ?> e && key.equals(e.getKey()) && Objects.equals(getValue(), e.getValue());
        }

        @Override
        public int hashCode() {
            return key.hashCode() ^ Objects.hashCode(getValue());
        }

        @Override
        public String toString() {
            return key + "=" + getValue();
        }
    }
}
