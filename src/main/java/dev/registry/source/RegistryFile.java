package dev.registry.source;

import dev.registry.card.CardKind;

/** A registry file that parsed, with the kind its place in the layout requires. */
public record RegistryFile(String path, CardKind kind, YamlDocument document) {
}
