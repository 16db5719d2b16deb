package dev.registry.source;

import java.io.IOException;
import java.util.Optional;

/**
 * One file a source offers, before it is read.
 *
 * @param path  registry-relative path with forward slashes
 * @param type  what the entry is; only regular files are read
 * @param size  size in bytes, known before reading so oversized files are never loaded
 * @param stamp what identifies the content without reading it, when the source knows
 */
public record SourceEntry(String path, Type type, long size, Content content, Optional<Stamp> stamp) {

    public enum Type { FILE, SYMLINK, OTHER, CONFLICT }

    /** An entry whose content can only be known by reading it. */
    public SourceEntry(String path, Type type, long size, Content content) {
        this(path, type, size, content, Optional.empty());
    }

    /** Reads the entry's bytes. */
    @FunctionalInterface
    public interface Content {
        byte[] read() throws IOException;

        /**
         * This content, read again when asked, provided it still is {@code first} (same length
         * and CRC-32C): what lets a parsed document find its positions later without holding
         * its text. A file rewritten meanwhile is refused, never read as if it were the same.
         */
        default Content unchangedFrom(byte[] first) {
            int length = first.length;
            long crc = crc32c(first);
            return () -> {
                byte[] now = read();
                if (now.length != length || crc32c(now) != crc) {
                    throw new IOException("it changed during the run; run again");
                }
                return now;
            };
        }

        private static long crc32c(byte[] bytes) {
            java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
            crc.update(bytes);
            return crc.getValue();
        }
    }

    /**
     * A key that stands for an entry's bytes: two entries with the same key hold the same bytes,
     * so the digest of bytes read once under a key can be trusted for that key later.
     *
     * @param key        git's object id ({@code blob <oid>}), or a file's path with its
     *                   file-system identity and timestamps ({@code stat ...})
     * @param lastChange when the content last changed as far as the key can tell, in epoch
     *                   milliseconds; {@link Long#MIN_VALUE} for a key derived from the content
     *                   itself. A key whose content changed too recently is not trusted (see
     *                   {@link #settledBefore})
     */
    public record Stamp(String key, long lastChange) {

        /**
         * Timestamps on disk have a granularity (a clock tick, up to two seconds on some file
         * systems): a file rewritten within the tick in which it was read keeps its timestamps.
         * A stat key is trusted only when its file had not changed for this long before the
         * run that read it began.
         */
        public static final long SETTLE_MILLIS = 2_000;

        /** A key derived from the content itself, such as git's object id. */
        public static Stamp ofContent(String key) {
            return new Stamp(key, Long.MIN_VALUE);
        }

        /** Whether a digest of the bytes read under this key after {@code readStart} may be remembered. */
        public boolean settledBefore(long readStart) {
            return lastChange == Long.MIN_VALUE || lastChange < readStart - SETTLE_MILLIS;
        }
    }
}
