package dev.registry.source;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A source as it would be after some files are created or replaced: what a write validates
 * before anything touches the disk.
 */
public final class OverlaySource implements Source {

    private final Source base;
    private final Map<String, byte[]> files;
    private final String label;

    /** @param files new content by registry-relative path */
    public OverlaySource(Source base, Map<String, String> files, String label) {
        this.base = base;
        this.files = new TreeMap<>();
        files.forEach((p, text) -> this.files.put(p, text.getBytes(StandardCharsets.UTF_8)));
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public List<SourceEntry> entries() {
        List<SourceEntry> out = new ArrayList<>();
        for (SourceEntry e : base.entries()) {
            if (!files.containsKey(e.path())) {
                out.add(e);
            }
        }
        files.forEach((p, bytes) -> out.add(new SourceEntry(p, SourceEntry.Type.FILE, bytes.length, () -> bytes)));
        out.sort(Comparator.comparing(SourceEntry::path));
        return out;
    }
}
