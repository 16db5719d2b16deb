package dev.registry.check;

import dev.registry.finding.Finding;
import dev.registry.finding.Severity;
import java.util.List;

/**
 * What a validation found.
 *
 * @param source what was read ("working tree", "index", "commit 1a2b3c4")
 * @param files  how many registry files were checked
 */
public record ValidationReport(String source, int files, List<Finding> findings) {

    public ValidationReport {
        findings = findings.stream().sorted(Finding.ORDER).toList();
    }

    public long errors() {
        return findings.stream().filter(f -> f.severity() == Severity.ERROR).count();
    }

    public long warnings() {
        return findings.stream().filter(f -> f.severity() == Severity.WARNING).count();
    }

    public boolean ok() {
        return errors() == 0;
    }
}
