package dev.registry.check;

import java.util.Collection;
import java.util.Optional;

/** Finds the closest known spelling for a typo, for "did you mean" hints. */
public final class NearestName {

    private NearestName() {
    }

    /** The candidate within a small edit distance of {@code word}, if any; ties go to the first. */
    public static Optional<String> of(String word, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = distance(word.toLowerCase(java.util.Locale.ROOT), c.toLowerCase(java.util.Locale.ROOT));
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        // Close enough to be a typo, not a guess: one edit in a short word, two in most, three in
        // long ones (a long email whose local part is wholly different is not a typo).
        int allowed = word.length() <= 4 ? 1 : word.length() <= 12 ? 2 : 3;
        // Case-only differences (`Owners`) count as typos too; only the word itself is no suggestion.
        return best != null && bestDistance <= allowed && !best.equals(word) ? Optional.of(best) : Optional.empty();
    }

    /** "; did you mean `x`?" or "". */
    public static String didYouMean(String word, Collection<String> candidates) {
        return of(word, candidates).map(s -> "did you mean `" + s + "`?").orElse("");
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions, adjacent swaps. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
