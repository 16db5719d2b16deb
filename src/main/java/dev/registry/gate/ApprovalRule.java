package dev.registry.gate;

import java.util.List;

/**
 * Who must approve a promotion.
 *
 * @param min              distinct people whose approval counts
 * @param roles            roles (from owners.yaml) that at least one counted approver must hold, each
 * @param ownersMayApprove whether an owner of the model counts as an approver of it
 */
public record ApprovalRule(int min, List<String> roles, boolean ownersMayApprove) {

    public static final ApprovalRule NONE = new ApprovalRule(0, List.of(), true);

    public ApprovalRule {
        roles = List.copyOf(roles);
    }

    public boolean requiresAny() {
        return min > 0 || !roles.isEmpty();
    }
}
