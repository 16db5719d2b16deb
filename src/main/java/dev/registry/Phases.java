package dev.registry;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Where the wall-clock time of one run went, phase by phase, for {@code --verbose}: the figures
 * that tell which part of a run to make faster. Each call to {@link #done} closes the phase that
 * ran since the previous one. Used by one thread.
 */
public final class Phases {

    private final Map<String, Long> nanos = new LinkedHashMap<>();
    private long last = System.nanoTime();

    /** Ends the phase that ran since the last call (or since this object was made). */
    public void done(String phase) {
        long now = System.nanoTime();
        nanos.merge(phase, now - last, Long::sum);
        last = now;
    }

    /** "list 12 ms, read 40 ms, ..." in the order the phases first ended; "" when none did. */
    public String summary() {
        StringJoiner out = new StringJoiner(", ");
        nanos.forEach((phase, n) -> out.add(phase + " " + n / 1_000_000 + " ms"));
        return out.toString();
    }
}
