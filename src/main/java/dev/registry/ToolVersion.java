package dev.registry;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The tool's own version, stamped in at build time. */
public final class ToolVersion {

    private static final Properties STAMP = load();

    private ToolVersion() {
    }

    public static String get() {
        return STAMP.getProperty("version", "dev");
    }

    /** When this build was made ("" when unknown): what tells two builds of one version apart. */
    public static String build() {
        String b = STAMP.getProperty("build", "");
        return b.startsWith("${") ? "" : b;
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = ToolVersion.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // a build without its stamp: version "dev"
        }
        return p;
    }
}
