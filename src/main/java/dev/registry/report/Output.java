package dev.registry.report;

import java.io.PrintWriter;

/**
 * Where a renderer writes: results (stdout or --output) and diagnostics (stderr).
 *
 * @param pathPrefix prepended to registry-relative paths so they open from the user's folder
 * @param color      whether ANSI colour may be used on diagnostics
 */
public record Output(PrintWriter results, PrintWriter diagnostics, String pathPrefix, boolean color) {

    public String display(String path) {
        return pathPrefix + path;
    }
}
