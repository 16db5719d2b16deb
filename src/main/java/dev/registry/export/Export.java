package dev.registry.export;

import dev.registry.UsageException;
import dev.registry.card.Deployment;
import dev.registry.card.ModelCard;
import dev.registry.check.NearestName;
import dev.registry.query.ModelFilter;
import dev.registry.query.ModelQuery;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Turns an inventory into the table an export writes: rows of one kind, under chosen columns. */
public final class Export {

    private Export() {
    }

    /**
     * The columns to write, in order: {@code requested} when given, else the profile's defaults.
     * An unknown or repeated column is a usage error that suggests the nearest name.
     */
    public static List<String> columns(ExportKind kind, ExportProfile profile, List<String> requested) {
        if (requested.isEmpty()) {
            return profile.columns(kind);
        }
        Set<String> known = catalogue(kind).keySet();
        Set<String> seen = new HashSet<>();
        List<String> out = new ArrayList<>();
        for (String raw : requested) {
            String c = raw.strip();
            if (!known.contains(c)) {
                String hint = NearestName.didYouMean(c, known);
                throw new UsageException("unknown column `" + c + "` for --kind " + kind.id() + (hint.isEmpty() ? "" : "; " + hint)
                        + " (`registry export --kind " + kind.id() + " --list-columns` lists them all)");
            }
            if (!seen.add(c)) {
                throw new UsageException("column `" + c + "` is given twice in --columns");
            }
            out.add(c);
        }
        return out;
    }

    /** Name and description of every column an export of this kind can carry, in catalogue order. */
    public static Map<String, String> describe(ExportKind kind) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        catalogue(kind).values().forEach(c -> out.put(c.name(), c.description()));
        return out;
    }

    /** Whether any of the columns shows git history, which costs a walk of it. */
    public static boolean needsHistory(List<String> columns) {
        return columns.stream().anyMatch(Columns::needsHistory);
    }

    /**
     * The table of the rows a filter keeps, with the meaning {@code registry list} gives it.
     *
     * @param today the day the snapshot's risk rules are judged on, for a tier criterion
     */
    public static ExportTable table(ExportKind kind, List<String> columns, Inventory inventory, ModelFilter filter,
                                    LocalDate today) {
        if (filter.equals(ModelFilter.all())) {
            return table(kind, columns, inventory, m -> true, d -> true);
        }
        ModelQuery query = new ModelQuery(inventory.snapshot(), today);
        if (kind == ExportKind.DEPLOYMENTS) {
            Set<String> kept = query.deployments(filter).stream().map(r -> r.deployment().path()).collect(Collectors.toSet());
            return table(kind, columns, inventory, m -> true, d -> kept.contains(d.path()));
        }
        Set<String> kept = query.models(filter).stream().map(r -> r.card().path()).collect(Collectors.toSet());
        return table(kind, columns, inventory, m -> kept.contains(m.path()), d -> true);
    }

    /**
     * The table for an inventory.
     *
     * @param keepVersion    which model versions to keep (models and inventory kinds)
     * @param keepDeployment which deployments to keep (deployments kind)
     */
    public static ExportTable table(ExportKind kind, List<String> columns, Inventory inventory,
                                    Predicate<ModelCard> keepVersion, Predicate<Deployment> keepDeployment) {
        if (kind == ExportKind.DEPLOYMENTS) {
            return table(columns, Columns.DEPLOYMENT, inventory.deployments(keepDeployment));
        }
        return table(columns, Columns.VERSION, inventory.versions(keepVersion));
    }

    private static <R> ExportTable table(List<String> columns, Map<String, Column<R>> catalogue, List<R> rows) {
        List<Column<R>> chosen = columns.stream().map(catalogue::get).toList();
        List<List<Cell>> cells = rows.stream()
                .map(r -> chosen.stream().map(c -> c.value().apply(r)).toList())
                .toList();
        return new ExportTable(columns, cells);
    }

    private static Map<String, ? extends Column<?>> catalogue(ExportKind kind) {
        return kind == ExportKind.DEPLOYMENTS ? Columns.DEPLOYMENT : Columns.VERSION;
    }
}
