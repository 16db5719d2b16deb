package dev.registry.source;

import dev.registry.finding.Location;

/** A file that cannot be read as a registry document; becomes a finding, never escapes the reader. */
final class YamlProblem extends Exception {
    private static final long serialVersionUID = 1L;

    final String ruleId;
    final transient Location location;
    final String hint;

    YamlProblem(String ruleId, Location location, String message, String hint) {
        super(message, null, false, false);
        this.ruleId = ruleId;
        this.location = location;
        this.hint = hint;
    }
}
