package dev.registry.edit;

import dev.registry.UsageException;
import dev.registry.card.CardKind;
import dev.registry.card.ModelCard;
import dev.registry.card.ModelRef;
import dev.registry.check.NearestName;
import dev.registry.finding.Finding;
import dev.registry.finding.Location;
import dev.registry.source.CsvReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Plans {@code import --csv}: one new model card per spreadsheet row. Columns are named by
 * {@link ModelField} (see docs/import.md); list cells hold items separated by {@code ;}. Every
 * row is checked, then the registry with all the new cards is validated once, and every problem
 * is reported at its CSV cell. By default one bad row refuses the whole import; with
 * {@code skipInvalid} the good rows are written and the bad ones reported.
 */
public final class CsvImport {

    private final String csvPath;
    private final List<Finding> fileProblems;
    private final List<CsvReader.Row> rows;
    private final Map<ModelField, Integer> columns;
    private final int width;

    private CsvImport(String csvPath, List<Finding> fileProblems, List<CsvReader.Row> rows, Map<ModelField, Integer> columns,
                      int width) {
        this.csvPath = csvPath;
        this.fileProblems = List.copyOf(fileProblems);
        this.rows = List.copyOf(rows);
        this.columns = Map.copyOf(columns);
        this.width = width;
    }

    /**
     * Reads the file and its header. Problems with the file as a whole (encoding, quoting,
     * unknown, repeated or missing columns) refuse every row.
     *
     * @param csvPath how findings name the file
     */
    public static CsvImport read(String csvPath, byte[] bytes) {
        CsvReader.Result r = CsvReader.read(csvPath, bytes);
        if (r instanceof CsvReader.Rejected rej) {
            return new CsvImport(csvPath, List.of(rej.finding()), List.of(), Map.of(), 0);
        }
        List<CsvReader.Row> all = ((CsvReader.Rows) r).rows();
        if (all.isEmpty()) {
            return new CsvImport(csvPath, List.of(Finding.error("csv-empty", csvPath, Location.START, "",
                    "the file has no header row", "the first row names the columns: name,version,provider,owners,..."))
                    , List.of(), Map.of(), 0);
        }
        CsvReader.Row header = all.get(0);
        if (header.cells().size() == 1 && header.cells().get(0).value().contains(";")) {
            // A spreadsheet saved where `,` is the decimal comma separates cells with `;`: one
            // finding that says so, not every required column reported missing.
            CsvReader.Cell c = header.cells().get(0);
            return new CsvImport(csvPath, List.of(Finding.error("csv-column-unknown", csvPath, c.location(), "",
                    "unknown column `" + c.value().strip() + "`: the file looks semicolon-separated, and import reads"
                            + " comma-separated files (`;` separates the items of a list cell)",
                    "save it with `,` between cells: LibreOffice: Save As > Text CSV > Edit filter settings > Field"
                            + " delimiter `,`; Google Sheets: File > Download > CSV; Excel writes the list separator of the"
                            + " system's region settings, so set that to `,` or save from one of the others")),
                    all.subList(1, all.size()), Map.of(), 1);
        }
        List<Finding> problems = new ArrayList<>();
        Map<ModelField, Integer> columns = new LinkedHashMap<>();
        List<String> known = Arrays.stream(ModelField.values()).map(ModelField::column).toList();
        for (int i = 0; i < header.cells().size(); i++) {
            CsvReader.Cell c = header.cells().get(i);
            String name = c.value().strip();
            Optional<ModelField> f = ModelField.forColumn(name);
            if (f.isEmpty()) {
                String hint = NearestName.didYouMean(name, known);
                problems.add(Finding.error("csv-column-unknown", csvPath, c.location(), "", "unknown column `" + name + "`",
                        hint.isEmpty() ? "known columns: " + String.join(", ", known) : hint));
            } else if (columns.containsKey(f.get())) {
                CsvReader.Cell first = header.cells().get(columns.get(f.get()));
                problems.add(Finding.error("csv-column-duplicate", csvPath, c.location(), "",
                        "column `" + name + "` sets " + f.get().column() + ", like column `" + first.value().strip()
                                + "` at column " + first.column(), "keep one of them"));
            } else {
                columns.put(f.get(), i);
            }
        }
        List<String> missing = ModelField.REQUIRED.stream().filter(f -> !columns.containsKey(f)).map(ModelField::column).toList();
        if (!missing.isEmpty()) {
            problems.add(Finding.error("csv-column-missing", csvPath, header.cells().get(0).location(), "",
                    "missing required " + (missing.size() == 1 ? "column " : "columns ") + String.join(", ", missing),
                    "every model card needs name, version, provider and owners"));
        }
        return new CsvImport(csvPath, problems, all.subList(1, all.size()), columns, header.cells().size());
    }

    /** Data rows (the header excluded). */
    public int rows() {
        return rows.size();
    }

    /** The plan; {@code writer} validates the registry with the new cards (once, or a few times with skipping). */
    public WritePlan plan(boolean skipInvalid, CardWriter writer) {
        return state -> {
            String message = "import " + rows.size() + " model versions from " + fileName();
            if (!fileProblems.isEmpty()) {
                return ChangeSet.refused(message, fileProblems);
            }
            List<String> header = ModelRegistration.header(state, CardKind.MODEL, "../../");
            Set<String> registered = new HashSet<>();
            state.snapshot().models().forEach(m -> registered.add(m.ref().toString()));
            Map<String, CsvReader.Row> rowOf = new HashMap<>();
            Map<String, Integer> firstLine = new HashMap<>();
            List<Finding> problems = new ArrayList<>();
            List<FileChange> changes = new ArrayList<>();
            for (CsvReader.Row row : rows) {
                List<Finding> rowProblems = new ArrayList<>();
                Optional<ModelDraft> draft = draft(row, rowProblems);
                Optional<ModelRef> ref = draft.map(d -> new ModelRef(d.text(ModelField.NAME).orElseThrow(),
                        d.text(ModelField.VERSION).orElseThrow())).or(() -> refOf(row));
                // Duplicates are reported even for rows with other problems: fixing those must not reveal new ones.
                Integer earlier = ref.map(r -> firstLine.putIfAbsent(r.toString(), row.line())).orElse(null);
                if (earlier != null) {
                    rowProblems.add(Finding.error("csv-duplicate", csvPath, cell(row, ModelField.VERSION).location(), "",
                            ref.get() + " is also on line " + earlier, "each row registers a different version"));
                }
                if (!rowProblems.isEmpty()) {
                    problems.addAll(rowProblems);
                    continue;
                }
                String path = ModelRegistration.pathOf(ref.get());
                Location at = cell(row, ModelField.VERSION).location();
                if (registered.contains(ref.get().toString()) || state.exists(path)) {
                    String where = state.snapshot().model(ref.get()).map(ModelCard::path).orElse(path);
                    problems.add(Finding.error("version-exists", csvPath, at, "",
                            ref.get() + " is already registered (" + where + "); import never overwrites a version",
                            "give the row a new version"));
                } else {
                    rowOf.put(path, row);
                    changes.add(FileChange.create(path, ModelRegistration.render(header, draft.get())));
                }
            }
            UnaryOperator<Finding> locate = f -> rowOf.containsKey(f.path()) ? toCell(f, rowOf.get(f.path())) : f;
            if (!skipInvalid) {
                if (problems.isEmpty()) {
                    return ChangeSet.of(message, changes).withLocator(locate);
                }
                // Report everything at once: the rows that failed their own checks, and what
                // validation finds in the others.
                writer.validate(state, changes).blocking().stream().map(locate).forEach(problems::add);
                return ChangeSet.refused(message, sorted(problems));
            }
            while (!changes.isEmpty()) {
                List<Finding> blocking = writer.validate(state, changes).blocking();
                Set<String> bad = new HashSet<>();
                for (Finding f : blocking) {
                    if (rowOf.containsKey(f.path())) {
                        bad.add(f.path());
                        problems.add(locate.apply(f));
                    }
                }
                if (bad.isEmpty()) {
                    break; // what is left is valid, or fails for reasons no row owns: the writer decides
                }
                changes.removeIf(c -> bad.contains(c.path()));
            }
            return ChangeSet.of("import " + changes.size() + " model versions from " + fileName(), changes)
                    .withSkipped(sorted(problems)).withLocator(locate);
        };
    }

    /** The model version a row names, when its width, name and version cells are sound. */
    private Optional<ModelRef> refOf(CsvReader.Row row) {
        if (row.cells().size() != width) {
            return Optional.empty();
        }
        String name = cell(row, ModelField.NAME).value().strip();
        String version = cell(row, ModelField.VERSION).value().strip();
        boolean ok = ModelRegistration.isName(name) && dev.registry.card.SemVer.parse(version).isPresent();
        return ok ? Optional.of(new ModelRef(name, version)) : Optional.empty();
    }

    /** The row's fields, or empty with the row's problems added. */
    private Optional<ModelDraft> draft(CsvReader.Row row, List<Finding> problems) {
        if (row.cells().size() != width) {
            problems.add(Finding.error("csv-row-width", csvPath, new Location(row.line(), 1), "",
                    "row has " + row.cells().size() + (row.cells().size() == 1 ? " cell" : " cells") + "; the header has " + width,
                    "check for a missing or extra comma, or an unquoted comma inside a cell"));
            return Optional.empty();
        }
        ModelDraft d = new ModelDraft();
        for (Map.Entry<ModelField, Integer> col : columns.entrySet()) {
            ModelField f = col.getKey();
            CsvReader.Cell cell = row.cells().get(col.getValue());
            String v = cell.value().strip();
            if (v.isEmpty()) {
                if (ModelField.REQUIRED.contains(f)) {
                    problems.add(Finding.error("csv-value-missing", csvPath, cell.location(), "",
                            "`" + f.column() + "` is empty; every model card needs one", ""));
                }
                continue;
            }
            try {
                switch (f.type()) {
                    case TEXT -> d.text(f, v);
                    case LIST -> d.list(f, CsvReader.items(v));
                    case INT -> d.number(f, Long.parseLong(v));
                }
                if (f == ModelField.NAME) {
                    ModelRegistration.checkName(v);
                } else if (f == ModelField.VERSION) {
                    ModelRegistration.checkVersion(v, "version");
                }
            } catch (NumberFormatException e) {
                problems.add(Finding.error("csv-value", csvPath, cell.location(), "",
                        "`" + f.column() + "` must be a whole number, not `" + v + "`", ""));
            } catch (UsageException e) {
                problems.add(Finding.error("csv-value", csvPath, cell.location(), "", e.getMessage(), ""));
            }
        }
        return problems.isEmpty() ? Optional.of(d) : Optional.empty();
    }

    /** A finding in a planned card, moved to the CSV cell its field came from. */
    private Finding toCell(Finding f, CsvReader.Row row) {
        Location at = ModelField.forPointer(f.pointer()).filter(columns::containsKey)
                .map(field -> cell(row, field).location())
                .orElse(new Location(row.line(), 1));
        return new Finding(f.ruleId(), f.severity(), csvPath, at.line(), at.column(), "", f.message(), f.hint(), List.of());
    }

    private CsvReader.Cell cell(CsvReader.Row row, ModelField f) {
        return row.cells().get(columns.get(f));
    }

    private String fileName() {
        int slash = csvPath.lastIndexOf('/');
        return slash < 0 ? csvPath : csvPath.substring(slash + 1);
    }

    private static List<Finding> sorted(List<Finding> findings) {
        return findings.stream().sorted(Finding.ORDER).toList();
    }
}
