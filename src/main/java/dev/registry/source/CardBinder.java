package dev.registry.source;

import com.fasterxml.jackson.databind.JsonNode;
import dev.registry.card.Approval;
import dev.registry.card.Deployment;
import dev.registry.card.Deprecation;
import dev.registry.card.Environment;
import dev.registry.card.ModelCard;
import dev.registry.card.ModelRef;
import dev.registry.card.Owners;
import dev.registry.card.RegistryConfig;
import dev.registry.card.RiskTier;
import dev.registry.card.Stage;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns parsed documents into card records. Binding is lenient on purpose: the schema check
 * reports what is wrong with a card, and the cross-file checks still see whatever can be read
 * (a missing field binds as empty), so one typo does not hide every other problem.
 */
public final class CardBinder {

    private CardBinder() {
    }

    public static ModelCard model(String path, JsonNode n) {
        JsonNode lifecycle = n.path("lifecycle");
        JsonNode dep = lifecycle.path("deprecation");
        Optional<Deprecation> deprecation = dep.isObject()
                ? Optional.of(new Deprecation(date(dep.path("announced")), date(dep.path("retireAfter")),
                        ModelRef.parse(text(dep.path("replacement"))), text(dep.path("reason"))))
                : Optional.empty();
        List<Approval> approvals = new ArrayList<>();
        for (JsonNode a : n.path("approvals")) {
            Stage.parse(text(a.path("stage"))).ifPresent(stage -> approvals.add(new Approval(stage,
                    text(a.path("by")), text(a.path("role")), date(a.path("date")), text(a.path("comment")))));
        }
        return new ModelCard(path, text(n.path("name")), text(n.path("version")), text(n.path("provider")),
                text(n.path("description")), strings(n.path("modality")), strings(n.path("capabilities")),
                strings(n.path("useDomains")), strings(n.path("dataTags")), strings(n.path("owners")),
                RiskTier.parse(text(n.path("risk").path("tier"))), strings(n.path("fallbacks")),
                Stage.parse(text(lifecycle.path("stage"))).orElse(Stage.EXPERIMENTAL), deprecation, approvals,
                strings(n.path("compliance").path("dataResidency")), n);
    }

    public static Deployment deployment(String path, JsonNode n) {
        return new Deployment(path, text(n.path("name")), text(n.path("model")), text(n.path("version")),
                Environment.parse(text(n.path("environment"))), text(n.path("region")), text(n.path("endpoint")),
                text(n.path("app")), strings(n.path("owners")), n);
    }

    public static Owners owners(JsonNode n) {
        List<Owners.Team> teams = new ArrayList<>();
        for (JsonNode t : n.path("teams")) {
            teams.add(new Owners.Team(text(t.path("id")), text(t.path("name")), text(t.path("email")),
                    strings(t.path("members")), text(t.path("codeowners"))));
        }
        List<Owners.Person> people = new ArrayList<>();
        for (JsonNode p : n.path("people")) {
            people.add(new Owners.Person(text(p.path("email")), text(p.path("name")), strings(p.path("roles")),
                    strings(p.path("aliases")), text(p.path("codeowners"))));
        }
        return new Owners(teams, people);
    }

    public static RegistryConfig config(JsonNode n) {
        JsonNode days = n.path("policy").path("deprecationNoticeDays");
        return new RegistryConfig(text(n.path("name")), text(n.path("description")),
                days.canConvertToInt() && days.isIntegralNumber() ? days.intValue() : RegistryConfig.DEFAULT_NOTICE_DAYS, n);
    }

    /** The node's text when it is a string, else "". */
    public static String text(JsonNode n) {
        return n.isTextual() ? n.textValue() : "";
    }

    /** The string items of a list, skipping anything else. */
    public static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        for (JsonNode item : n) {
            if (item.isTextual()) {
                out.add(item.textValue());
            }
        }
        return out;
    }

    public static Optional<LocalDate> date(JsonNode n) {
        return n.isTextual() ? isoDate(n.textValue()) : Optional.empty();
    }

    /**
     * The day an ISO date names, as {@code LocalDate.parse} reads it: strictly, so 2026-02-30
     * names none. The usual shape (see {@link #isDateShaped}) is read without the formatter, which
     * on a cold JVM costs more than binding the rest of a card; any other goes to it.
     */
    public static Optional<LocalDate> isoDate(String text) {
        if (isDateShaped(text)) {
            try {
                return Optional.of(LocalDate.of(digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10)));
            } catch (java.time.DateTimeException e) {
                return Optional.empty();
            }
        }
        try {
            return Optional.of(LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Whether the text is YYYY-MM-DD: four ASCII digits, a dash, two, a dash, two; whatever day it names. */
    public static boolean isDateShaped(String text) {
        return text.length() == 10 && text.charAt(4) == '-' && text.charAt(7) == '-'
                && digits(text, 0, 4) >= 0 && digits(text, 5, 7) >= 0 && digits(text, 8, 10) >= 0;
    }

    /** The number the ASCII digits from {@code from} to {@code to} spell, or -1 if there is another character. */
    private static int digits(String s, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }
}
