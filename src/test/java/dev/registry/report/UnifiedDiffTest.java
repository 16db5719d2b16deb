package dev.registry.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class UnifiedDiffTest {

    @Test
    void farApartChangesMakeSeparateHunks() {
        String a = "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n";
        String b = "1\nTWO\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n";
        assertEquals("""
                --- a/f
                +++ b/f
                @@ -1,5 +1,5 @@
                 1
                -2
                +TWO
                 3
                 4
                 5
                @@ -10,3 +10,4 @@
                 10
                 11
                 12
                +13
                """, UnifiedDiff.of("f", a, b));
    }

    @Test
    void aMissingFinalNewlineIsMarked() {
        assertEquals("--- a/f\n+++ b/f\n@@ -1 +1 @@\n-x\n\\ No newline at end of file\n+x\n", UnifiedDiff.of("f", "x", "x\n"));
    }

    @Test
    void equalTextsHaveNoDiff() {
        assertEquals("", UnifiedDiff.of("f", "a\n", "a\n"));
    }

    @Test
    void randomEditsApplyBack() {
        Random random = new Random(42);
        for (int round = 0; round < 300; round++) {
            List<String> a = new ArrayList<>();
            for (int i = random.nextInt(30); i > 0; i--) {
                a.add("l" + random.nextInt(6));
            }
            List<String> b = new ArrayList<>(a);
            for (int e = random.nextInt(5); e > 0; e--) {
                int at = b.isEmpty() ? 0 : random.nextInt(b.size() + 1);
                switch (random.nextInt(3)) {
                    case 0 -> b.add(at, "new" + random.nextInt(3));
                    case 1 -> { if (at < b.size()) b.remove(at); }
                    default -> { if (at < b.size()) b.set(at, "chg" + random.nextInt(3)); }
                }
            }
            String before = String.join("\n", a) + (a.isEmpty() ? "" : "\n");
            String after = String.join("\n", b) + (b.isEmpty() ? "" : "\n");
            String patch = UnifiedDiff.of("f", before, after);
            assertEquals(after, apply(before, patch), () -> before + "\n=>\n" + after + "\npatch:\n" + patch);
        }
    }

    private static final Pattern HUNK = Pattern.compile("@@ -(\\d+)(?:,(\\d+))? \\+(\\d+)(?:,(\\d+))? @@");

    /** Applies a patch strictly: context and removed lines must match where the header says. */
    static String apply(String text, String patch) {
        if (patch.isEmpty()) {
            return text;
        }
        List<String> src = text.isEmpty() ? new ArrayList<>() : new ArrayList<>(List.of(text.split("\n", -1)));
        if (!src.isEmpty()) {
            src.remove(src.size() - 1);
        }
        List<String> out = new ArrayList<>();
        int next = 0;
        String[] lines = patch.split("\n");
        for (int i = 2; i < lines.length; i++) {
            Matcher m = HUNK.matcher(lines[i]);
            if (!m.matches()) {
                throw new AssertionError("not a hunk header: " + lines[i]);
            }
            int start = Integer.parseInt(m.group(1));
            int count = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
            int from = count == 0 ? start : start - 1;
            while (next < from) {
                out.add(src.get(next++));
            }
            while (i + 1 < lines.length && !lines[i + 1].startsWith("@@")) {
                String l = lines[++i];
                switch (l.charAt(0)) {
                    case ' ' -> { assertEquals(src.get(next), l.substring(1)); out.add(src.get(next++)); }
                    case '-' -> assertEquals(src.get(next++), l.substring(1));
                    case '+' -> out.add(l.substring(1));
                    default -> throw new AssertionError(l);
                }
            }
        }
        while (next < src.size()) {
            out.add(src.get(next++));
        }
        return out.isEmpty() ? "" : String.join("\n", out) + "\n";
    }
}
