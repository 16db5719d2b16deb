package dev.registry.git;

import dev.registry.UsageException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;

/**
 * Who a {@code --commit} commit is by, worked out as git does from the command's environment and
 * the repository's config, which {@link GitRepo#open} reads with the command's $HOME as git would.
 * The author comes from GIT_AUTHOR_NAME, GIT_AUTHOR_EMAIL and GIT_AUTHOR_DATE, the committer from
 * the GIT_COMMITTER_* variables, each falling back to {@code author.*} / {@code committer.*},
 * then {@code user.name} / {@code user.email} (then $EMAIL), and the current time.
 *
 * @param author    the commit's author
 * @param committer the commit's committer
 */
public record CommitIdentity(PersonIdent author, PersonIdent committer) {

    private static final String SET_IT = "; set it with `git config --global user.name \"Your Name\"`"
            + " and `git config --global user.email you@example.com`";

    /** The identity for a commit in {@code repo} now; a usage error when git would not know it either. */
    public static CommitIdentity of(Repository repo, Map<String, String> env, Instant now) {
        Config config = config(repo);
        return new CommitIdentity(person("author", config, env, now), person("committer", config, env, now));
    }

    /** The name of the {@code role} ("author" or "committer"), as git works it out. */
    static Optional<String> name(String role, Config config, Map<String, String> env) {
        return first(env.get(variable(role) + "NAME"), config.getString(role, null, "name"), config.getString("user", null, "name"));
    }

    /** The email address of the {@code role} ("author" or "committer"), as git works it out. */
    static Optional<String> email(String role, Config config, Map<String, String> env) {
        return first(env.get(variable(role) + "EMAIL"), config.getString(role, null, "email"),
                config.getString("user", null, "email"), env.get("EMAIL"));
    }

    private static String variable(String role) {
        return "GIT_" + role.toUpperCase(java.util.Locale.ROOT) + "_";
    }

    private static PersonIdent person(String role, Config config, Map<String, String> env, Instant now) {
        String var = variable(role);
        Optional<String> name = name(role, config, env);
        Optional<String> email = email(role, config, env);
        if (name.isEmpty() || email.isEmpty()) {
            String role1 = Character.toUpperCase(role.charAt(0)) + role.substring(1);
            throw new UsageException("--commit needs your git identity (" + role1 + " identity unknown: no "
                    + (name.isEmpty() ? "user.name" : "user.email") + ")" + SET_IT);
        }
        Optional<String> date = first(env.get(var + "DATE"));
        ZonedDateTime when = date.map(d -> parseDate(var + "DATE", d)).orElseGet(() -> now.atZone(ZoneId.systemDefault()));
        return new PersonIdent(name.get(), email.get(), when.toInstant(), when.getZone());
    }

    private static Optional<String> first(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return Optional.of(v.strip());
            }
        }
        return Optional.empty();
    }

    /** Git's raw format, {@code [@]<seconds> [<+/-hhmm>]}. */
    private static final Pattern RAW = Pattern.compile("@?(\\d+)(?:\\s+([+-])(\\d{2}):?(\\d{2}))?");

    /**
     * A date as git accepts it in GIT_AUTHOR_DATE and GIT_COMMITTER_DATE, in the formats that can
     * be read without guessing: raw ({@code @1700000000 +0100}), ISO 8601 ({@code 2026-03-01T10:00:00+01:00},
     * a space for the T, no zone meaning local time) and RFC 2822 ({@code Sun, 1 Mar 2026 10:00:00 +0100}).
     */
    static ZonedDateTime parseDate(String variable, String text) {
        String t = text.strip();
        Matcher raw = RAW.matcher(t);
        try {
            if (raw.matches()) {
                ZoneOffset zone = raw.group(2) == null ? ZoneOffset.UTC
                        : ZoneOffset.ofHoursMinutes(sign(raw.group(2)) * Integer.parseInt(raw.group(3)),
                                sign(raw.group(2)) * Integer.parseInt(raw.group(4)));
                return Instant.ofEpochSecond(Long.parseLong(raw.group(1))).atZone(zone);
            }
            String iso = t.matches("\\d{4}-\\d{2}-\\d{2} \\d.*") ? t.replaceFirst(" ", "T") : t;
            // git also writes the zone after a space, and as +hhmm: make it ISO's +hh:mm.
            iso = iso.replaceFirst("\\s*([+-]\\d{2}):?(\\d{2})$", "$1:$2");
            try {
                return OffsetDateTime.parse(iso, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toZonedDateTime();
            } catch (DateTimeParseException notWithOffset) {
                try {
                    return LocalDateTime.parse(iso, DateTimeFormatter.ISO_LOCAL_DATE_TIME).atZone(ZoneId.systemDefault());
                } catch (DateTimeParseException notLocal) {
                    return ZonedDateTime.parse(t, DateTimeFormatter.RFC_1123_DATE_TIME);
                }
            }
        } catch (DateTimeException | NumberFormatException | ArithmeticException e) {
            throw new UsageException(variable + ": invalid date `" + text + "`; use ISO 8601 (2026-03-01T10:00:00+01:00),"
                    + " `@<seconds since 1970> +0100` or RFC 2822 (Sun, 1 Mar 2026 10:00:00 +0100)");
        }
    }

    private static int sign(String s) {
        return "-".equals(s) ? -1 : 1;
    }

    /** The config git would read for {@code repo}: {@link GitRepo#open} built it with the command's $HOME. */
    static Config config(Repository repo) {
        return repo.getConfig();
    }
}
