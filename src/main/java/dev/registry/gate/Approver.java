package dev.registry.gate;

import java.util.List;

/**
 * A person whose approval is being counted.
 *
 * @param email   the person's primary email in owners.yaml (aliases already resolved)
 * @param roles   the roles owners.yaml gives them
 * @param pointer the approval's place in the card ({@code /approvals/2}), or "" when it was given
 *                outside the card ({@code --approved-by})
 */
public record Approver(String email, List<String> roles, String pointer) {

    public Approver {
        roles = List.copyOf(roles);
    }
}
