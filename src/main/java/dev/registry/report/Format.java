package dev.registry.report;

/** Output formats for findings. */
public enum Format {
    TEXT, JSON, GITHUB, SARIF;

    /** The renderer for this format. */
    public FindingsRenderer renderer() {
        return switch (this) {
            case TEXT -> new TextRenderer();
            case JSON -> new JsonRenderer();
            case GITHUB -> new GithubRenderer();
            case SARIF -> new SarifRenderer();
        };
    }
}
