package dev.registry.card;

import com.fasterxml.jackson.databind.JsonNode;

/** The registry's root file, {@code registry.yaml}. */
public record RegistryConfig(String name, String description, int deprecationNoticeDays, JsonNode document) {

    public static final int DEFAULT_NOTICE_DAYS = 90;
}
