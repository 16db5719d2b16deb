package dev.registry.gate;

import dev.registry.check.Validator;
import dev.registry.finding.Finding;
import dev.registry.source.Snapshot;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The errors {@code registry validate} finds at the head of a range and not at its base. A card
 * the head cannot read, or reads as something the schema refuses, may hold a promotion the gate
 * would not see (a duplicate key hides the whole card; {@code environment: Prod} is no prod
 * deployment), so a range that introduces such an error cannot pass. Errors already at the base
 * are the base branch's to fix and do not block the range.
 */
final class IntroducedErrors {

    private IntroducedErrors() {
    }

    static List<Finding> between(Snapshot base, Snapshot head, LocalDate today) {
        Validator validator = new Validator(today);
        Set<String> before = new HashSet<>();
        validator.validate(base).findings().stream().filter(Finding::isError).map(IntroducedErrors::identity).forEach(before::add);
        return validator.validate(head).findings().stream()
                .filter(Finding::isError)
                .filter(f -> !before.contains(identity(f)))
                .sorted(Finding.ORDER)
                .toList();
    }

    /** What makes two findings the same problem: not its line, which edits elsewhere in the file move. */
    private static String identity(Finding f) {
        return f.ruleId() + '\0' + f.path() + '\0' + f.pointer() + '\0' + f.message();
    }
}
