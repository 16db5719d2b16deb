package dev.registry.source;

import dev.registry.EnvironmentException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The registry as it is on disk. Symbolic links are listed, never followed. */
public final class WorkingTreeSource implements Source {

    private final Path root;
    private final boolean stamped;

    public WorkingTreeSource(Path root) {
        this(root, false);
    }

    private WorkingTreeSource(Path root, boolean stamped) {
        this.root = root.toAbsolutePath().normalize();
        this.stamped = stamped && this.root.getFileSystem().supportedFileAttributeViews().contains("unix");
    }

    /**
     * The registry on disk, each file {@linkplain SourceEntry.Stamp stamped} with its path, device,
     * inode, size, modification and status-change times, as git's index records them, so that a
     * cache can know a file unchanged without reading it. Where the file system has no such
     * attributes (no "unix" view), files are not stamped and are read as before.
     *
     * <p>Why this is sound: writing a file's bytes sets its modification and status-change times
     * (mtime, ctime) to the time of the write; a process may set mtime back (touch -d, utimes),
     * but ctime only the kernel sets, to the current time, on every change of bytes or attributes,
     * so an unprivileged user cannot rewrite a file and restore its stamp. Replacing it by another
     * file (an editor's rename) changes the inode or, if an inode is reused, its ctime. What is
     * left is the timestamps' granularity: a file rewritten within the clock tick in which it was
     * read keeps its times; so the digest of a file is remembered under its stamp only when the
     * file had not changed for {@link SourceEntry.Stamp#SETTLE_MILLIS} before the run that read it
     * began (git's racy-timestamp rule, with a margin for coarse clocks); a file changed more
     * recently is read and hashed again on every run until it has settled.
     */
    public static WorkingTreeSource stamped(Path root) {
        return new WorkingTreeSource(root, true);
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
                    walk(d, dir, out, true);
                }
            }
        } catch (IOException e) {
            throw new EnvironmentException("cannot read registry at " + root + ": " + e.getMessage(), e);
        }
        out.sort(Comparator.comparing(SourceEntry::path));
        return out;
    }

    /**
     * The walk, with one stat per entry: the one a stamp needs says what the entry is, too,
     * where {@link Files#walkFileTree} would stat it once more. Each folder's entries are taken in
     * order of their names, so that the list is nearly sorted already, and paths are joined as
     * strings rather than relativized: for 10,000 cards, that is a good part of a warm run. (The
     * names are not listed as strings: a name that is not valid in the platform's encoding would
     * not lead back to its file.) A large folder (models/, with a folder per model) is walked in
     * parallel, in slices whose entries are put together in order: the stats are most of the walk.
     */
    private void walk(Path dir, String rel, List<SourceEntry> out, boolean parallel) throws IOException {
        List<Map.Entry<String, Path>> children = new ArrayList<>();
        try (DirectoryStream<Path> listing = Files.newDirectoryStream(dir)) {
            for (Path p : listing) {
                children.add(Map.entry(p.getFileName().toString(), p));
            }
        }
        children.sort(AS_FOLDERS);
        if (children.size() < 2 * SLICE || !parallel) {
            walk(children, rel, out);
            return;
        }
        List<List<Map.Entry<String, Path>>> slices = new ArrayList<>();
        for (int i = 0; i < children.size(); i += SLICE) {
            slices.add(children.subList(i, Math.min(children.size(), i + SLICE)));
        }
        try {
            out.addAll(dev.registry.Parallel.flatMap(slices, slice -> {
                List<SourceEntry> found = new ArrayList<>();
                try {
                    walk(slice, rel, found);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                return found;
            }));
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** A folder of more than two slices of entries is walked in slices of this many, in parallel. */
    private static final int SLICE = 64;

    private void walk(List<Map.Entry<String, Path>> children, String rel, List<SourceEntry> out) throws IOException {
        for (Map.Entry<String, Path> child : children) {
            Path p = child.getValue();
            String childRel = rel + "/" + child.getKey().replace('\\', '/'); // as relative() has it
            Stat stat = stat(p, childRel);
            if (stat.type() == S_IFDIR) {
                if (!child.getKey().startsWith(".")) { // hidden folders (.git, .idea) are none of ours
                    walk(p, childRel, out, false); // one level in parallel is enough
                }
            } else if (stat.type() == S_IFLNK) {
                out.add(new SourceEntry(childRel, SourceEntry.Type.SYMLINK, 0, () -> new byte[0]));
            } else if (stat.type() == S_IFREG) {
                out.add(stat.file().get());
            }
        }
    }

    /** The file-type bits of a stat mode, and the three types a walk tells apart. */
    private static final int S_IFMT = 0170000;
    private static final int S_IFDIR = 0040000;
    private static final int S_IFLNK = 0120000;
    private static final int S_IFREG = 0100000;

    /** A top-level file (registry.yaml, owners.yaml), with one stat, as the walk has its files. */
    private java.util.Optional<SourceEntry> entry(Path file) throws IOException {
        String rel = relative(file);
        try {
            Stat stat = stat(file, rel);
            if (stat.type() == S_IFLNK) {
                return java.util.Optional.of(new SourceEntry(rel, SourceEntry.Type.SYMLINK, 0, () -> new byte[0]));
            }
            if (stat.type() != S_IFREG) {
                return java.util.Optional.of(new SourceEntry(rel, SourceEntry.Type.OTHER, 0, () -> new byte[0]));
            }
            return java.util.Optional.of(stat.file().get());
        } catch (NoSuchFileException e) {
            return java.util.Optional.empty();
        }
    }

    /** What one stat of a path says: its type (S_IFDIR, S_IFLNK, S_IFREG or 0), and its entry should it be a file. */
    private record Stat(int type, java.util.function.Supplier<SourceEntry> file) {
    }

    /** One stat of {@code file}, which the stamp, when there is one, is made of as well. */
    private Stat stat(Path file, String rel) throws IOException {
        if (stamped) {
            Map<String, Object> a = Files.readAttributes(file, STAT, LinkOption.NOFOLLOW_LINKS);
            return new Stat((Integer) a.get("mode") & S_IFMT, () -> stamped(file, rel, a));
        }
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        int type = a.isDirectory() ? S_IFDIR : a.isSymbolicLink() ? S_IFLNK : a.isRegularFile() ? S_IFREG : 0;
        return new Stat(type, () -> new SourceEntry(rel, SourceEntry.Type.FILE, a.size(), () -> Files.readAllBytes(file)));
    }

    /**
     * Names in the order their paths sort in when each is followed by a '/': the order of the
     * whole list for folders ("a-b/x" before "a/x"), and nearly so for files.
     */
    private static final Comparator<Map.Entry<String, Path>> AS_FOLDERS = (x, y) -> {
        String a = x.getKey();
        String b = y.getKey();
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char ca = a.charAt(i);
            char cb = b.charAt(i);
            if (ca != cb) {
                return ca - cb;
            }
        }
        return (a.length() == n ? '/' : a.charAt(n)) - (b.length() == n ? '/' : b.charAt(n));
    };

    /** What a stamp is made of, read by one stat so that it describes one state of the file. */
    private static final String STAT = "unix:mode,dev,ino,size,lastModifiedTime,ctime";

    private static SourceEntry stamped(Path file, String rel, Map<String, Object> a) {
        long mtime = ((FileTime) a.get("lastModifiedTime")).to(TimeUnit.NANOSECONDS);
        long ctime = ((FileTime) a.get("ctime")).to(TimeUnit.NANOSECONDS);
        long size = (Long) a.get("size");
        String key = "stat " + rel + "\u0000" + a.get("dev") + ":" + a.get("ino") + ":" + size + ":" + mtime + ":" + ctime;
        return new SourceEntry(rel, SourceEntry.Type.FILE, size, () -> Files.readAllBytes(file),
                java.util.Optional.of(new SourceEntry.Stamp(key, Math.max(mtime, ctime) / 1_000_000)));
    }

    private String relative(Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }
}
