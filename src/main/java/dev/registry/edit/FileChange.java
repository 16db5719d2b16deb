package dev.registry.edit;

import java.util.Optional;

/**
 * One file a write creates or replaces.
 *
 * @param path   registry-relative path with forward slashes
 * @param before the content the change was planned against; empty when the file is new
 * @param after  the complete new content (UTF-8 text)
 */
public record FileChange(String path, Optional<String> before, String after) {

    public static FileChange create(String path, String content) {
        return new FileChange(path, Optional.empty(), content);
    }

    public static FileChange replace(String path, String before, String after) {
        return new FileChange(path, Optional.of(before), after);
    }

    public boolean creates() {
        return before.isEmpty();
    }
}
