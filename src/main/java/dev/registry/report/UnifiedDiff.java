package dev.registry.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Unified diffs of two texts, as {@code diff -u} and {@code git diff} print them (three lines of
 * context), so that {@code --dry-run} output reads like a patch and applies like one.
 */
public final class UnifiedDiff {

    private static final int CONTEXT = 3;
    /** Above this many cells the changed middle is shown as removed-then-added rather than aligned. */
    private static final long MAX_TABLE = 4_000_000L;

    private UnifiedDiff() {
    }

    /** The diff turning {@code before} into {@code after}; "" when they are equal. {@code before} null means a new file. */
    public static String of(String path, String before, String after) {
        if (after.equals(before)) {
            return "";
        }
        List<String> a = before == null ? List.of() : lines(before);
        List<String> b = lines(after);
        StringBuilder out = new StringBuilder();
        out.append("--- ").append(before == null ? "/dev/null" : "a/" + path).append('\n');
        out.append("+++ b/").append(path).append('\n');
        List<Op> ops = align(a, b);
        for (int[] hunk : hunks(ops)) {
            appendHunk(out, ops, hunk[0], hunk[1], before == null ? "" : before, after);
        }
        return out.toString();
    }

    private enum Kind { SAME, DEL, ADD }

    private record Op(Kind kind, int aLine, int bLine, String text) {
    }

    /** Lines with their line ends kept, so a missing final newline shows. */
    private static List<String> lines(String s) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '\n') {
                out.add(s.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < s.length()) {
            out.add(s.substring(start));
        }
        return out;
    }

    private static List<Op> align(List<String> a, List<String> b) {
        int pre = 0;
        while (pre < a.size() && pre < b.size() && a.get(pre).equals(b.get(pre))) {
            pre++;
        }
        int suf = 0;
        while (suf < a.size() - pre && suf < b.size() - pre
                && a.get(a.size() - 1 - suf).equals(b.get(b.size() - 1 - suf))) {
            suf++;
        }
        List<Op> ops = new ArrayList<>();
        for (int i = 0; i < pre; i++) {
            ops.add(new Op(Kind.SAME, i, i, a.get(i)));
        }
        List<String> am = a.subList(pre, a.size() - suf);
        List<String> bm = b.subList(pre, b.size() - suf);
        if ((long) am.size() * bm.size() > MAX_TABLE) {
            for (int i = 0; i < am.size(); i++) {
                ops.add(new Op(Kind.DEL, pre + i, -1, am.get(i)));
            }
            for (int j = 0; j < bm.size(); j++) {
                ops.add(new Op(Kind.ADD, -1, pre + j, bm.get(j)));
            }
        } else {
            int[][] lcs = new int[am.size() + 1][bm.size() + 1];
            for (int i = am.size() - 1; i >= 0; i--) {
                for (int j = bm.size() - 1; j >= 0; j--) {
                    lcs[i][j] = am.get(i).equals(bm.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
                }
            }
            int i = 0;
            int j = 0;
            while (i < am.size() || j < bm.size()) {
                if (i < am.size() && j < bm.size() && am.get(i).equals(bm.get(j))) {
                    ops.add(new Op(Kind.SAME, pre + i, pre + j, am.get(i)));
                    i++;
                    j++;
                } else if (i < am.size() && (j == bm.size() || lcs[i + 1][j] >= lcs[i][j + 1])) {
                    ops.add(new Op(Kind.DEL, pre + i, -1, am.get(i)));
                    i++;
                } else {
                    ops.add(new Op(Kind.ADD, -1, pre + j, bm.get(j)));
                    j++;
                }
            }
        }
        for (int k = 0; k < suf; k++) {
            int ai = a.size() - suf + k;
            int bi = b.size() - suf + k;
            ops.add(new Op(Kind.SAME, ai, bi, a.get(ai)));
        }
        return ops;
    }

    /** Ranges [from, to) of ops that form hunks: changes with up to three lines of context around them. */
    private static List<int[]> hunks(List<Op> ops) {
        List<int[]> out = new ArrayList<>();
        int i = 0;
        while (i < ops.size()) {
            if (ops.get(i).kind() == Kind.SAME) {
                i++;
                continue;
            }
            int from = Math.max(0, i - CONTEXT);
            int end = i;
            int same = 0;
            for (int k = i; k < ops.size(); k++) {
                if (ops.get(k).kind() == Kind.SAME) {
                    same++;
                    if (same > 2 * CONTEXT) {
                        break;
                    }
                } else {
                    same = 0;
                    end = k;
                }
            }
            int to = Math.min(ops.size(), end + 1 + CONTEXT);
            if (!out.isEmpty() && out.get(out.size() - 1)[1] >= from) {
                out.get(out.size() - 1)[1] = to;
            } else {
                out.add(new int[] {from, to});
            }
            i = end + 1;
        }
        return out;
    }

    private static void appendHunk(StringBuilder out, List<Op> ops, int from, int to, String before, String after) {
        int aStart = -1;
        int bStart = -1;
        int aCount = 0;
        int bCount = 0;
        for (int k = from; k < to; k++) {
            Op op = ops.get(k);
            if (op.kind() != Kind.ADD) {
                aCount++;
                if (aStart < 0) {
                    aStart = op.aLine();
                }
            }
            if (op.kind() != Kind.DEL) {
                bCount++;
                if (bStart < 0) {
                    bStart = op.bLine();
                }
            }
        }
        out.append("@@ -").append(range(aStart, aCount, ops, from, true)).append(" +")
                .append(range(bStart, bCount, ops, from, false)).append(" @@\n");
        for (int k = from; k < to; k++) {
            Op op = ops.get(k);
            out.append(switch (op.kind()) {
                case SAME -> ' ';
                case DEL -> '-';
                case ADD -> '+';
            }).append(op.text());
            if (!op.text().endsWith("\n")) {
                out.append("\n\\ No newline at end of file\n");
            }
        }
    }

    /** {@code start,count} with 1-based start; an empty side names the line before it, as diff does. */
    private static String range(int start, int count, List<Op> ops, int from, boolean aSide) {
        if (count == 0) {
            int before = 0;
            for (int k = from - 1; k >= 0; k--) {
                int line = aSide ? ops.get(k).aLine() : ops.get(k).bLine();
                if (line >= 0) {
                    before = line + 1;
                    break;
                }
            }
            return before + ",0";
        }
        return (start + 1) + (count == 1 ? "" : "," + count);
    }
}
