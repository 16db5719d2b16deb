package dev.registry.cli;

import dev.registry.UsageException;
import dev.registry.check.NearestName;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Asks a person at a terminal for values: the question on stderr (stdout carries results only),
 * the known choices beside it, and the question again, up to three times, while the answer is wrong.
 */
final class Prompter {

    private static final int ATTEMPTS = 3;
    private static final int SHOWN = 12;

    private final BufferedReader in;
    private final PrintWriter err;

    Prompter(BufferedReader in, PrintWriter err) {
        this.in = in;
        this.err = err;
    }

    /**
     * A required value. {@code problem} returns what is wrong with an answer, or empty when it is
     * fine.
     */
    String ask(String label, String option, List<String> known, Function<String, Optional<String>> problem) {
        for (int i = 0; i < ATTEMPTS; i++) {
            String answer = line(label + choices(known) + ": ", option).strip();
            Optional<String> wrong = answer.isEmpty() ? Optional.of("a value is required") : problem.apply(answer);
            if (wrong.isEmpty()) {
                return answer;
            }
            err.println("  " + wrong.get());
        }
        throw new UsageException("no valid value for " + option + " after " + ATTEMPTS + " tries");
    }

    /** A value that may be left blank. */
    Optional<String> askOptional(String label, String option) {
        String answer = line(label + " (optional): ", option).strip();
        return answer.isEmpty() ? Optional.empty() : Optional.of(answer);
    }

    /**
     * A list, comma-separated; empty when {@code required} is false and the answer is blank.
     * Items close to a known value but not equal to it are asked again, with the suggestion.
     */
    List<String> askList(String label, String option, List<String> known, boolean required,
                         Function<String, Optional<String>> problem) {
        for (int i = 0; i < ATTEMPTS; i++) {
            String answer = line(label + (required ? "" : " (optional, comma-separated)") + choices(known) + ": ", option);
            List<String> items = Arrays.stream(answer.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
            List<String> wrong = new ArrayList<>();
            if (items.isEmpty() && required) {
                wrong.add("at least one value is required");
            }
            for (String item : items) {
                problem.apply(item).or(() -> nearMiss(item, known)).ifPresent(wrong::add);
            }
            if (wrong.isEmpty()) {
                return items;
            }
            wrong.forEach(w -> err.println("  " + w));
        }
        throw new UsageException("no valid value for " + option + " after " + ATTEMPTS + " tries");
    }

    /** A typo of a known value: unknown, but within a few edits of one. */
    static Optional<String> nearMiss(String value, List<String> known) {
        if (known.contains(value)) {
            return Optional.empty();
        }
        return NearestName.of(value, known).map(k -> "`" + value + "` is not known here; did you mean `" + k + "`?");
    }

    private String line(String prompt, String option) {
        err.print(prompt);
        err.flush();
        try {
            String l = in.readLine();
            if (l == null) {
                err.println();
                throw new UsageException("no answer for " + option + " (end of input)");
            }
            return l;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String choices(List<String> known) {
        if (known.isEmpty()) {
            return "";
        }
        List<String> shown = known.size() > SHOWN ? known.subList(0, SHOWN) : known;
        return " [" + String.join(", ", shown) + (known.size() > SHOWN ? ", ... " + (known.size() - SHOWN) + " more" : "") + "]";
    }
}
