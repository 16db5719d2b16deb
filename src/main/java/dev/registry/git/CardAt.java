package dev.registry.git;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A registry file as one commit holds it.
 *
 * @param path   registry-relative path in that commit
 * @param blobId the git object id of its content: equal ids, equal content
 */
public record CardAt(String path, String blobId, JsonNode document) {
}
