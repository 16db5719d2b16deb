package dev.registry.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.registry.ToolVersion;
import dev.registry.check.ValidationReport;
import dev.registry.finding.Finding;
import java.util.TreeSet;

/** SARIF 2.1.0, for code-scanning uploads. */
public final class SarifRenderer implements FindingsRenderer {

    @Override
    public void render(ValidationReport report, Output out) {
        ObjectNode root = JsonRenderer.JSON.createObjectNode();
        root.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "registry");
        driver.put("version", ToolVersion.get());
        ArrayNode rules = driver.putArray("rules");
        TreeSet<String> ruleIds = new TreeSet<>();
        report.findings().forEach(f -> ruleIds.add(f.ruleId()));
        for (String id : ruleIds) {
            ObjectNode r = rules.addObject();
            r.put("id", id);
            r.putObject("shortDescription").put("text", id.replace('-', ' '));
        }
        // Columns count code points, as the YAML parser's marks do.
        run.put("columnKind", "unicodeCodePoints");
        ArrayNode results = run.putArray("results");
        for (Finding f : report.findings()) {
            ObjectNode r = results.addObject();
            r.put("ruleId", f.ruleId());
            r.put("level", switch (f.severity()) {
                case ERROR -> "error";
                case WARNING -> "warning";
                case NOTE -> "note";
            });
            r.putObject("message").put("text", f.message() + (f.hint().isEmpty() ? "" : " (" + f.hint() + ")"));
            ObjectNode physical = r.putArray("locations").addObject().putObject("physicalLocation");
            physical.putObject("artifactLocation").put("uri", uri(out.display(f.path())));
            ObjectNode region = physical.putObject("region");
            region.put("startLine", f.line());
            region.put("startColumn", f.column());
        }
        JsonRenderer.write(root, out);
    }

    /** A SARIF artifact URI: relative paths stay relative, absolute ones become file: URIs; both percent-encoded. */
    static String uri(String path) {
        StringBuilder sb = new StringBuilder(path.startsWith("/") ? "file://" : "");
        for (byte b : path.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-._~/".indexOf(c) >= 0) {
                sb.append((char) c);
            } else {
                sb.append('%').append(String.format("%02X", c));
            }
        }
        return sb.toString();
    }
}
