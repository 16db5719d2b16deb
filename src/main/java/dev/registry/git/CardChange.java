package dev.registry.git;

import java.util.Optional;

/**
 * A commit that changed one card: created ({@code before} empty), edited, or removed
 * ({@code after} empty).
 *
 * @param key    what the card is followed by: the version of a model, the name of a deployment
 * @param before the card in the commit's first parent
 */
public record CardChange(CommitInfo commit, String key, Optional<CardAt> before, Optional<CardAt> after) {
}
