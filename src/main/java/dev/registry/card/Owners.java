package dev.registry.card;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Teams and people from {@code owners.yaml}. Immutable; lookups are indexed because every card's
 * owners and approvers are resolved through them.
 */
public final class Owners {

    private final List<Team> teams;
    private final List<Person> people;
    private final Map<String, Team> teamsById = new HashMap<>();
    private final Map<String, Person> peopleByAddress = new HashMap<>();

    public Owners(List<Team> teams, List<Person> people) {
        this.teams = List.copyOf(teams);
        this.people = List.copyOf(people);
        this.teams.forEach(t -> teamsById.putIfAbsent(t.id(), t));
        for (Person p : this.people) {
            peopleByAddress.putIfAbsent(p.email().toLowerCase(Locale.ROOT), p);
            p.aliases().forEach(a -> peopleByAddress.putIfAbsent(a.toLowerCase(Locale.ROOT), p));
        }
    }

    public static Owners empty() {
        return new Owners(List.of(), List.of());
    }

    public List<Team> teams() {
        return teams;
    }

    public List<Person> people() {
        return people;
    }

    /** @param codeowners the team's handle on the git host ({@code @org/team}); "" when not given */
    public record Team(String id, String name, String email, List<String> members, String codeowners) {
        public Team {
            members = List.copyOf(members);
        }

        public Team(String id, String name, String email, List<String> members) {
            this(id, name, email, members, "");
        }
    }

    /** @param codeowners the person's handle on the git host ({@code @user}); "" when not given */
    public record Person(String email, String name, List<String> roles, List<String> aliases, String codeowners) {
        public Person {
            roles = List.copyOf(roles);
            aliases = List.copyOf(aliases);
        }

        public Person(String email, String name, List<String> roles, List<String> aliases) {
            this(email, name, roles, aliases, "");
        }

        /** True when the email is this person's own or one of their aliases (case-insensitive). */
        public boolean answersTo(String address) {
            String a = address.toLowerCase(Locale.ROOT);
            return email.toLowerCase(Locale.ROOT).equals(a)
                    || aliases.stream().anyMatch(x -> x.toLowerCase(Locale.ROOT).equals(a));
        }
    }

    public Optional<Team> team(String id) {
        return Optional.ofNullable(teamsById.get(id));
    }

    /** The person with this email or alias (case-insensitive; the first listed, if two claim it). */
    public Optional<Person> person(String email) {
        return Optional.ofNullable(peopleByAddress.get(email.toLowerCase(Locale.ROOT)));
    }

    /** Whether an owner reference ({@code team:<id>} or an email) names someone defined here. */
    public boolean resolves(String ownerRef) {
        if (ownerRef.startsWith("team:")) {
            return team(ownerRef.substring("team:".length())).isPresent();
        }
        return person(ownerRef).isPresent();
    }

    /** Every email an owner reference stands for: a person, or a team's members and address. */
    public List<String> emailsOf(String ownerRef) {
        if (ownerRef.startsWith("team:")) {
            return team(ownerRef.substring("team:".length()))
                    .map(t -> {
                        List<String> all = new ArrayList<>(t.members());
                        if (!t.email().isEmpty()) {
                            all.add(t.email());
                        }
                        return List.copyOf(all);
                    })
                    .orElse(List.of());
        }
        return List.of(ownerRef);
    }

    @Override
    public String toString() {
        return "Owners[" + teams.size() + " teams, " + people.size() + " people]";
    }
}
