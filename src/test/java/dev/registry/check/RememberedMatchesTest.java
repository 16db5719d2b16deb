package dev.registry.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.networknt.schema.regex.JDKRegularExpressionFactory;
import com.networknt.schema.regex.RegularExpression;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A remembered answer is the answer: asked again, or past the bound, or for long values. */
class RememberedMatchesTest {

    @Test
    void answersAsTheValidatorsOwnRegularExpressionsDo() {
        Random random = new Random(3);
        for (String regex : List.of("^[a-z0-9]+(-[a-z0-9]+)*$", "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$",
                "^[^\\s@]+@[^\\s@]+$", "a$", "\\p{Lu}")) {
            RegularExpression plain = JDKRegularExpressionFactory.getInstance().getRegularExpression(regex);
            RegularExpression remembered = new RememberedMatches().getRegularExpression(regex);
            List<String> values = new ArrayList<>(List.of("", "team-a", "Team-A", "2026-02-30", "2026-13-01", "a@b",
                    "a b@c", "x".repeat(65) + "a", "x".repeat(65), "Éa", "a\n"));
            for (int i = 0; i < 10_000; i++) { // past the bound of remembered values
                values.add(Integer.toString(random.nextInt(20_000), 36) + (random.nextBoolean() ? "-a" : "@b"));
            }
            for (int pass = 0; pass < 2; pass++) {
                for (String v : values) {
                    assertEquals(plain.matches(v), remembered.matches(v), regex + " on " + v);
                }
            }
        }
    }
}
