package dev.registry.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.util.FS;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Has JGit measure the temporary folder's file system once, in a scratch folder of its own,
 * before any test class runs (registered for every class through
 * {@code META-INF/services/org.junit.jupiter.api.extension.Extension}).
 *
 * <p>Why: the first time JGit snapshots a file on a file system it does not know (a fresh
 * {@code $HOME}, as on CI), it measures the file system's timestamp resolution by writing probe
 * files, for about three seconds, into the folder of that file: with the background measuring that
 * {@code GitRepo} asks for, into a test repository's {@code .git/objects} while the test goes on.
 * A test that ends sooner has JUnit delete its temporary folder under the probe, and fail with
 * "DirectoryNotEmptyException: .git/objects". Measured here in the foreground, the answer is
 * kept for the file system for the rest of the run (and in {@code ~/.config/jgit/config}).
 */
public final class MeasuredFileStore implements BeforeAllCallback {

    private static boolean measured;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        synchronized (MeasuredFileStore.class) {
            if (measured) {
                return;
            }
            measured = true;
            Path scratch = Files.createTempDirectory("registry-jgit-filestore");
            try {
                FS.FileStoreAttributes.setBackground(false);
                FS.FileStoreAttributes.get(scratch);
            } finally {
                FS.FileStoreAttributes.setBackground(true); // as GitRepo sets it for the tool
                Registries.deleteTree(scratch);
            }
        }
    }
}
