package dev.registry.check;

import com.networknt.schema.regex.JDKRegularExpressionFactory;
import com.networknt.schema.regex.RegularExpression;
import com.networknt.schema.regex.RegularExpressionFactory;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The schema validator's regular expressions (java.util.regex, as its default factory makes them),
 * each remembering whether the short values it was asked about matched. A registry repeats the
 * same values in every card (owner references, emails, dates, versions, names), and matching a
 * pattern was a fifth of the schema check's time on a cold JVM; a remembered answer is a lookup.
 * Bounded per pattern, so that hostile input cannot grow it without end.
 */
final class RememberedMatches implements RegularExpressionFactory {

    private static final int MAX_VALUES = 1 << 13;
    private static final int MAX_LENGTH = 64;

    @Override
    public RegularExpression getRegularExpression(String regex) {
        RegularExpression pattern = JDKRegularExpressionFactory.getInstance().getRegularExpression(regex);
        ConcurrentHashMap<String, Boolean> seen = new ConcurrentHashMap<>();
        return value -> {
            if (value == null || value.length() > MAX_LENGTH) {
                return pattern.matches(value);
            }
            Boolean known = seen.get(value);
            if (known != null) {
                return known;
            }
            boolean matches = pattern.matches(value);
            if (seen.size() < MAX_VALUES) {
                seen.put(value, matches);
            }
            return matches;
        };
    }
}
