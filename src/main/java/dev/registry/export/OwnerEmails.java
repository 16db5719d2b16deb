package dev.registry.export;

import dev.registry.card.Owners;
import java.util.List;
import java.util.TreeSet;

/**
 * The email addresses owner references stand for: a person's own address (an alias maps to it),
 * and for {@code team:<id>} the team's address, or its members' when it has none. A reference
 * owners.yaml does not define stands for no one, except a bare email, which is kept as written.
 */
public final class OwnerEmails {

    private OwnerEmails() {
    }

    /** The addresses of one reference; empty when it stands for no one. */
    public static List<String> of(Owners owners, String ref) {
        if (ref.startsWith("team:")) {
            return owners.team(ref.substring("team:".length()))
                    .map(t -> t.email().isEmpty() ? t.members() : List.of(t.email()))
                    .orElse(List.of());
        }
        return List.of(owners.person(ref).map(Owners.Person::email).orElse(ref));
    }

    /** The addresses of all references, sorted, without duplicates. */
    public static List<String> of(Owners owners, List<String> refs) {
        TreeSet<String> out = new TreeSet<>();
        refs.forEach(r -> out.addAll(of(owners, r)));
        return List.copyOf(out);
    }
}
