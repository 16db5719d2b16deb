package dev.registry.source;

import java.io.IOException;

/**
 * One file a source offers, before it is read.
 *
 * @param path registry-relative path with forward slashes
 * @param type what the entry is; only regular files are read
 * @param size size in bytes, known before reading so oversized files are never loaded
 */
public record SourceEntry(String path, Type type, long size, Content content) {

    public enum Type { FILE, SYMLINK, OTHER, CONFLICT }

    /** Reads the entry's bytes. */
    @FunctionalInterface
    public interface Content {
        byte[] read() throws IOException;
    }
}
