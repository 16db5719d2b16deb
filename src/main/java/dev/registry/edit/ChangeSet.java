package dev.registry.edit;

import dev.registry.finding.Finding;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * What one command wants to write, planned against one state of the registry.
 *
 * @param message  the conventional commit subject for the change ({@code register credit-scorer@2.1.0})
 * @param changes  the files to create or replace
 * @param refusals problems found while planning (a version that exists already): when there are
 *                 any, nothing is written
 * @param skipped  parts of the request left out on purpose ({@code import --skip-invalid}), reported
 *                 but not blocking
 * @param locate   points a validation finding in a planned file back at the user's input (a CSV
 *                 cell, say); the identity for commands whose input is the card itself
 */
public record ChangeSet(String message, List<FileChange> changes, List<Finding> refusals, List<Finding> skipped,
                        UnaryOperator<Finding> locate) {

    public ChangeSet {
        changes = List.copyOf(changes);
        refusals = List.copyOf(refusals);
        skipped = List.copyOf(skipped);
    }

    public static ChangeSet of(String message, List<FileChange> changes) {
        return new ChangeSet(message, changes, List.of(), List.of(), UnaryOperator.identity());
    }

    public static ChangeSet refused(String message, List<Finding> refusals) {
        return new ChangeSet(message, List.of(), refusals, List.of(), UnaryOperator.identity());
    }

    public ChangeSet withSkipped(List<Finding> findings) {
        return new ChangeSet(message, changes, refusals, findings, locate);
    }

    public ChangeSet withLocator(UnaryOperator<Finding> locator) {
        return new ChangeSet(message, changes, refusals, skipped, locator);
    }

    public List<String> paths() {
        return changes.stream().map(FileChange::path).toList();
    }
}
