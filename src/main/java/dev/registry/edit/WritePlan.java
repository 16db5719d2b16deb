package dev.registry.edit;

/**
 * Plans a write from the registry as it is. The writer may call it twice: once to validate
 * without holding the lock, and again under the lock if another command changed the registry in
 * between, so a plan must be a pure function of the state it is given.
 */
@FunctionalInterface
public interface WritePlan {
    ChangeSet plan(RegistryState state);
}
