package dev.registry.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.registry.card.Deployment;
import dev.registry.card.Environment;
import dev.registry.query.Resolver;
import java.io.PrintWriter;
import java.util.List;

/** Prints {@code resolve}: the chosen version, its fallback chain and the rejected candidates, as text or JSON. */
public final class ResolveRenderer {

    private ResolveRenderer() {
    }

    public static void text(Resolver.Resolution r, PrintWriter out) {
        if (r.chosen().isPresent()) {
            Resolver.Candidate c = r.chosen().get();
            out.println(c.card().ref() + "  " + c.card().stage() + ", tier " + c.tier() + "  " + c.card().path());
            c.deployments().forEach(d -> out.println("  runs  " + ShowRenderer.deployment(d)));
            out.println("fallbacks:" + (r.fallbacks().isEmpty() ? " none" : ""));
            int i = 1;
            for (Resolver.Fallback f : r.fallbacks()) {
                out.println("  " + i++ + ". " + f.ref() + "  " + (f.usable() ? "usable" : "not usable: " + String.join("; ", f.reasons())));
            }
        } else {
            out.println("no model version qualifies");
        }
        if (!r.others().isEmpty()) {
            out.println(r.chosen().isPresent() ? "not chosen:" : "candidates:");
            for (Resolver.Candidate c : r.others()) {
                out.println("  " + c.card().ref() + "  " + String.join("; ", c.reasons()));
            }
        }
        out.flush();
    }

    public static void json(Resolver.Resolution r, PrintWriter out) {
        ObjectNode root = JsonRenderer.JSON.createObjectNode();
        ObjectNode req = root.putObject("request");
        req.put("capability", r.request().capability());
        req.put("region", r.request().region().orElse(null));
        req.put("environment", r.request().environment().map(Environment::id).orElse(null));
        req.put("provider", r.request().provider().orElse(null));
        if (r.chosen().isPresent()) {
            Resolver.Candidate c = r.chosen().get();
            candidate(root.putObject("chosen"), c);
        } else {
            root.putNull("chosen");
        }
        ArrayNode fallbacks = root.putArray("fallbacks");
        for (Resolver.Fallback f : r.fallbacks()) {
            ObjectNode n = fallbacks.addObject();
            n.put("ref", f.ref().toString());
            n.put("model", f.ref().name());
            n.put("version", f.ref().version());
            n.put("usable", f.usable());
            ListRenderer.strings(n, "reasons", f.reasons());
            f.card().ifPresent(c -> {
                n.put("stage", c.card().stage().id());
                n.put("tier", c.tier().id());
                deployments(n, c.deployments());
            });
        }
        ArrayNode others = root.putArray("rejected");
        for (Resolver.Candidate c : r.others()) {
            ObjectNode n = others.addObject();
            n.put("ref", c.card().ref().toString());
            n.put("stage", c.card().stage().id());
            ListRenderer.strings(n, "reasons", c.reasons());
        }
        JsonRenderer.write(root, out);
    }

    private static void candidate(ObjectNode n, Resolver.Candidate c) {
        n.put("ref", c.card().ref().toString());
        n.put("model", c.card().name());
        n.put("version", c.card().version());
        n.put("stage", c.card().stage().id());
        n.put("tier", c.tier().id());
        n.put("provider", c.card().provider());
        n.put("path", c.card().path());
        deployments(n, c.deployments());
    }

    private static void deployments(ObjectNode n, List<Deployment> deployments) {
        ArrayNode a = n.putArray("deployments");
        for (Deployment d : deployments) {
            ObjectNode dn = a.addObject();
            dn.put("name", d.name());
            dn.put("environment", d.environment().map(Environment::id).orElse(""));
            dn.put("region", d.region());
            dn.put("endpoint", d.endpoint());
        }
    }
}
