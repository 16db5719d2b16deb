package dev.registry.source;

import dev.registry.card.CardKind;

/**
 * A registry file that parsed, with the kind its place in the layout requires.
 *
 * @param sha256 the SHA-256 of its bytes in hex, the key of its cached results; "" when not
 *               computed (the cache was off)
 */
public record RegistryFile(String path, CardKind kind, YamlDocument document, String sha256) {

    public RegistryFile(String path, CardKind kind, YamlDocument document) {
        this(path, kind, document, "");
    }
}
