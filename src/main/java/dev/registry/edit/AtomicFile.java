package dev.registry.edit;

import dev.registry.EnvironmentException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/**
 * Replaces a file so that readers see the old content or the new, never half of either: a temp
 * file in the same folder, forced to disk, then renamed over the target.
 */
public final class AtomicFile {

    private static final String TEMP_SUFFIX = ".tmp";

    private AtomicFile() {
    }

    /** A glob for the temp files {@link #write} makes for {@code target}, in the target's folder. */
    static String tempGlob(Path target) {
        String name = target.getFileName().toString().replaceAll("([\\\\*?\\[\\]{},])", "\\\\$1");
        return "." + name + ".*" + TEMP_SUFFIX;
    }

    public static void write(Path target, byte[] content) {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        if (Files.isSymbolicLink(abs)) {
            throw new EnvironmentException("refusing to write through a symbolic link: " + target);
        }
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "." + abs.getFileName() + ".", TEMP_SUFFIX);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE);
                 OutputStream out = java.nio.channels.Channels.newOutputStream(ch)) {
                out.write(content);
                out.flush();
                ch.force(true);
            }
            keepPermissions(abs, tmp);
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException e) {
            throw new EnvironmentException("cannot write " + target + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort: the temp file is hidden and named after its target
                }
            }
        }
    }

    private static void keepPermissions(Path original, Path tmp) throws IOException {
        try {
            Set<PosixFilePermission> perms = Files.exists(original, LinkOption.NOFOLLOW_LINKS)
                    ? Files.getPosixFilePermissions(original)
                    : java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--");
            Files.setPosixFilePermissions(tmp, perms);
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the platform's defaults apply
        }
    }
}
