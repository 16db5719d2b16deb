package dev.registry.edit;

import java.util.List;

/** Records written files in version control ({@code --commit}); implemented over JGit in dev.registry.git. */
public interface Committer {

    /**
     * Called before anything is written, with the registry-relative paths the command will write:
     * refuses (throws) when committing them would also commit changes of the user's.
     */
    void checkUntouched(List<String> paths);

    /**
     * Commits exactly the given registry-relative paths with the message, leaving anything else
     * staged as it was; returns the new commit's abbreviated id.
     */
    String commit(List<String> paths, String message);
}
