package dev.registry.source;

import dev.registry.UsageException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the registry a command works on: the nearest folder at or above a start holding registry.yaml. */
public final class RegistryRoot {

    private RegistryRoot() {
    }

    public static Path find(Path start) {
        Path dir = start.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new UsageException("not a directory: " + start);
        }
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("registry.yaml"))) {
                return d;
            }
        }
        throw new UsageException("no registry.yaml found in " + dir + " or any folder above it;"
                + " run `registry init` to create a registry, or pass -C <dir>");
    }
}
