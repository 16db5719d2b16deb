package dev.registry.risk;

import java.util.Locale;
import java.util.Optional;

/** What a rule does when it fires. */
public enum RuleKind {
    /** Gives a tier. */
    TIER,
    /** An Art 50 transparency duty, reported apart from the tier; it may imply a tier (limited). */
    OBLIGATION,
    /** A case for human judgement: reported as "needs review", never decided silently. */
    NEEDS_REVIEW,
    /** A model flag such as gpai-model or systemic-risk. */
    FLAG,
    /** The Art 6(3) exception to derogable rules: high until signed off, then nothing. */
    DEROGATION,
    /** The tier when no tier rule fires (M). */
    FALLBACK;

    /** The spelling in a policy file. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<RuleKind> parse(String text) {
        for (RuleKind k : values()) {
            if (k.id().equals(text)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    /** "a tier", "an obligation": for messages. */
    String withArticle() {
        return (this == OBLIGATION ? "an " : "a ") + id();
    }

    /** Whether rules of this kind are evaluated first and may be named by other rules' conditions. */
    boolean primary() {
        return this == TIER || this == OBLIGATION;
    }

    @Override
    public String toString() {
        return id();
    }
}
