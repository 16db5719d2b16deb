package dev.registry.testing;

import java.time.LocalDate;

/**
 * Cards and owners for promotion scenarios: a model with everything the default production gate
 * asks for except approvals, and people in every role the gates name.
 */
public final class GateCards {

    /** The path of {@link #ready}'s card for version 2.1.0. */
    public static final String CARD = "models/credit-scorer/2.1.0.yaml";

    /**
     * alice and bob own the model (team ml-platform); alice is also a risk-officer, so only the
     * owners rule keeps her from approving it. carol and erin are risk-officers, dan a
     * privacy-officer; carol commits from two more addresses, listed as aliases.
     */
    public static final String OWNERS = """
            apiVersion: registry/v1
            kind: Owners
            teams:
              - id: ml-platform
                name: ML Platform
                members: [alice@example.com, bob@example.com]
            people:
              - {email: alice@example.com, name: Alice Engineer, roles: [model-owner, risk-officer]}
              - {email: bob@example.com, name: Bob Builder, roles: [model-owner]}
              - email: carol@example.com
                name: Carol Risk
                roles: [risk-officer]
                aliases: [carol@users.noreply.example.com, 101+carol@users.noreply.github.com]
              - {email: dan@example.com, name: Dan Privacy, roles: [privacy-officer]}
              - {email: erin@example.com, name: Erin Reviewer, roles: [risk-officer]}
            """;

    private GateCards() {
    }

    /**
     * credit-scorer@{@code version} at {@code stage}, owned by team ml-platform, with fresh
     * passed evaluations and the sandbox and production evidence. Lines: evidence at 10, the
     * stage value at 17:10, and appended approvals from 18.
     */
    public static String ready(String version, String stage) {
        return """
                apiVersion: registry/v1
                kind: Model
                name: credit-scorer
                version: %s
                provider: internal
                description: Scores loan applications.
                owners: [team:ml-platform]   # the scoring squad
                evaluations:
                  - {suite: holdout, date: %s, passed: true}
                evidence:
                  dataBoundary: EU customer data only
                  safetyChecks: https://reports/safety
                  benchmarks: https://reports/bench
                  privacyReview: {report: https://reports/privacy, reviewer: dan@example.com}
                  rollbackPlan: Roll back to 2.0.0
                lifecycle:
                  stage: %s
                """.formatted(version, LocalDate.now().minusDays(10), stage);
    }

    /** {@link #ready} for version 2.1.0. */
    public static String ready(String stage) {
        return ready("2.1.0", stage);
    }

    /** {@code card} with top-level {@code lines} added after its provider (capabilities, risk, ...). */
    public static String with(String card, String lines) {
        String anchor = "provider: internal\n";
        if (!card.contains(anchor)) {
            throw new IllegalArgumentException("not a card from GateCards: " + card);
        }
        return card.replace(anchor, anchor + lines);
    }

    /** One item of an {@code approvals:} list, for production, dated today. */
    public static String approval(String by, String role) {
        return "  - {stage: production, by: " + by + ", role: " + role + ", date: " + LocalDate.now() + "}\n";
    }
}
