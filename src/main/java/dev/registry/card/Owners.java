package dev.registry.card;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Teams and people from {@code owners.yaml}. */
public record Owners(List<Team> teams, List<Person> people) {

    public Owners {
        teams = List.copyOf(teams);
        people = List.copyOf(people);
    }

    public static Owners empty() {
        return new Owners(List.of(), List.of());
    }

    public record Team(String id, String name, String email, List<String> members) {
        public Team {
            members = List.copyOf(members);
        }
    }

    public record Person(String email, String name, List<String> roles, List<String> aliases) {
        public Person {
            roles = List.copyOf(roles);
            aliases = List.copyOf(aliases);
        }

        /** True when the email is this person's own or one of their aliases (case-insensitive). */
        public boolean answersTo(String address) {
            String a = address.toLowerCase(Locale.ROOT);
            return email.toLowerCase(Locale.ROOT).equals(a)
                    || aliases.stream().anyMatch(x -> x.toLowerCase(Locale.ROOT).equals(a));
        }
    }

    public Optional<Team> team(String id) {
        return teams.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    /** The person with this email or alias. */
    public Optional<Person> person(String email) {
        return people.stream().filter(p -> p.answersTo(email)).findFirst();
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
                        java.util.List<String> all = new java.util.ArrayList<>(t.members());
                        if (!t.email().isEmpty()) {
                            all.add(t.email());
                        }
                        return List.copyOf(all);
                    })
                    .orElse(List.of());
        }
        return List.of(ownerRef);
    }
}
