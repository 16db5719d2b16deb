package dev.registry.risk;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a rule tests about a model card: fields of the card combined with all / any / not. Every
 * evaluation returns a {@link Trace}, so that an explanation can say which parts held.
 */
public sealed interface Condition {

    /** Evaluates the condition against what a card says. */
    Trace evaluate(Facts facts);

    /** How the condition reads in an explanation: "capability cv-filtering", "domain workplace or education". */
    String describe();

    /** The card fields a term can test. */
    enum Field {
        CAPABILITY("capability"), DOMAIN("domain"), DATA_TAG("dataTag"), MODALITY("modality"), PROVIDER("provider");

        private final String key;

        Field(String key) {
            this.key = key;
        }

        /** The key that names the field in a policy condition. */
        public String key() {
            return key;
        }

        static java.util.Optional<Field> ofKey(String key) {
            for (Field f : values()) {
                if (f.key.equals(key)) {
                    return java.util.Optional.of(f);
                }
            }
            return java.util.Optional.empty();
        }

        String label() {
            return this == DATA_TAG ? "data tag" : name().toLowerCase(Locale.ROOT);
        }
    }

    /** The card's field holds any of the values. */
    record Term(Field field, List<String> values) implements Condition {
        public Term {
            values = List.copyOf(values);
        }

        @Override
        public Trace evaluate(Facts facts) {
            return new Trace(this, values.stream().anyMatch(v -> facts.has(field, v)), List.of());
        }

        @Override
        public String describe() {
            return field.label() + " " + orList(values);
        }
    }

    /** Every part holds. */
    record All(List<Condition> parts) implements Condition {
        public All {
            parts = List.copyOf(parts);
        }

        @Override
        public Trace evaluate(Facts facts) {
            List<Trace> traces = parts.stream().map(p -> p.evaluate(facts)).toList();
            return new Trace(this, traces.stream().allMatch(Trace::holds), traces);
        }

        @Override
        public String describe() {
            return parts.stream().map(Condition::nested).collect(Collectors.joining(" and "));
        }
    }

    /** At least one part holds. */
    record Any(List<Condition> parts) implements Condition {
        public Any {
            parts = List.copyOf(parts);
        }

        @Override
        public Trace evaluate(Facts facts) {
            List<Trace> traces = parts.stream().map(p -> p.evaluate(facts)).toList();
            return new Trace(this, traces.stream().anyMatch(Trace::holds), traces);
        }

        @Override
        public String describe() {
            return parts.stream().map(Condition::nested).collect(Collectors.joining(" or "));
        }
    }

    /** The part does not hold. */
    record Not(Condition part) implements Condition {
        @Override
        public Trace evaluate(Facts facts) {
            Trace inner = part.evaluate(facts);
            return new Trace(this, !inner.holds(), List.of(inner));
        }

        @Override
        public String describe() {
            return "not " + part.nested();
        }
    }

    /** Any of the named rules fired (only tier and obligation rules can be named). */
    record Fired(List<String> ruleIds) implements Condition {
        public Fired {
            ruleIds = List.copyOf(ruleIds);
        }

        @Override
        public Trace evaluate(Facts facts) {
            return new Trace(this, ruleIds.stream().anyMatch(facts.fired()::contains), List.of());
        }

        @Override
        public String describe() {
            return "rule " + orList(ruleIds) + " fired";
        }
    }

    /** lineage.trainingComputeFlop is greater than the threshold. */
    record ComputeAbove(double flop) implements Condition {
        @Override
        public Trace evaluate(Facts facts) {
            return new Trace(this, facts.trainingComputeFlop().isPresent() && facts.trainingComputeFlop().getAsDouble() > flop,
                    List.of());
        }

        @Override
        public String describe() {
            return "training compute above " + String.format(Locale.ROOT, "%.1e", flop).replace(".0e+", "e") + " FLOP";
        }
    }

    /** The description, in parentheses when it joins several parts. */
    private String nested() {
        boolean compound = this instanceof All || this instanceof Any
                || (this instanceof Term t && t.values().size() > 1)
                || (this instanceof Fired f && f.ruleIds().size() > 1);
        return compound ? "(" + describe() + ")" : describe();
    }

    private static String orList(List<String> values) {
        if (values.size() == 1) {
            return values.get(0);
        }
        List<String> head = new ArrayList<>(values.subList(0, values.size() - 1));
        return String.join(", ", head) + " or " + values.get(values.size() - 1);
    }
}
