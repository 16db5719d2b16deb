package dev.registry.source;

import dev.registry.EnvironmentException;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The registry as it is on disk. Symbolic links are listed, never followed. */
public final class WorkingTreeSource implements Source {

    private final Path root;

    public WorkingTreeSource(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public String label() {
        return "working tree";
    }

    @Override
    public List<SourceEntry> entries() {
        List<SourceEntry> out = new ArrayList<>();
        try {
            for (String top : List.of("registry.yaml", "owners.yaml")) {
                entry(root.resolve(top)).ifPresent(out::add);
            }
            for (String dir : List.of("models", "deployments")) {
                Path d = root.resolve(dir);
                if (Files.isSymbolicLink(d)) {
                    out.add(new SourceEntry(dir, SourceEntry.Type.SYMLINK, 0, () -> new byte[0]));
                } else if (Files.isDirectory(d, LinkOption.NOFOLLOW_LINKS)) {
                    walk(d, out);
                }
            }
        } catch (IOException e) {
            throw new EnvironmentException("cannot read registry at " + root + ": " + e.getMessage(), e);
        }
        out.sort(Comparator.comparing(SourceEntry::path));
        return out;
    }

    private void walk(Path dir, List<SourceEntry> out) throws IOException {
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                // Editors and tools keep hidden folders (.git, .idea) that are none of ours.
                return d.getFileName().toString().startsWith(".") ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                String rel = relative(file);
                if (attrs.isSymbolicLink()) {
                    out.add(new SourceEntry(rel, SourceEntry.Type.SYMLINK, 0, () -> new byte[0]));
                } else if (attrs.isRegularFile()) {
                    out.add(new SourceEntry(rel, SourceEntry.Type.FILE, attrs.size(), () -> Files.readAllBytes(file)));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                throw e;
            }
        });
    }

    private java.util.Optional<SourceEntry> entry(Path file) throws IOException {
        try {
            BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            String rel = relative(file);
            if (attrs.isSymbolicLink()) {
                return java.util.Optional.of(new SourceEntry(rel, SourceEntry.Type.SYMLINK, 0, () -> new byte[0]));
            }
            if (!attrs.isRegularFile()) {
                return java.util.Optional.of(new SourceEntry(rel, SourceEntry.Type.OTHER, 0, () -> new byte[0]));
            }
            return java.util.Optional.of(new SourceEntry(rel, SourceEntry.Type.FILE, attrs.size(), () -> Files.readAllBytes(file)));
        } catch (NoSuchFileException e) {
            return java.util.Optional.empty();
        }
    }

    private String relative(Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }
}
