package dev.registry.cli;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The training run behind the class-data-sharing archive that install.sh makes: runs the common
 * command lines in one JVM over a scratch copy of a registry, so that the list of classes they
 * load is what the archive holds. Exit codes and output are of no interest here; only which
 * classes get loaded. Commands that write are left out, as is anything that would touch the
 * user's own cache folder.
 *
 * <pre>
 * java -XX:DumpLoadedClassList=classes -cp registry.jar dev.registry.cli.CdsTraining &lt;registry copy&gt;
 * java -Xshare:dump -XX:SharedClassListFile=classes -XX:SharedArchiveFile=registry.jsa -cp registry.jar
 * </pre>
 */
public final class CdsTraining {

    private CdsTraining() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: CdsTraining <scratch copy of a registry>");
            System.exit(2);
        }
        System.setProperty("slf4j.internal.verbosity", "ERROR"); // as Main does
        Path registry = Path.of(args[0]).toAbsolutePath().normalize();
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("XDG_CACHE_HOME", registry.resolve(".training-cache").toString());
        String model = firstModel(registry);
        List<List<String>> lines = List.of(
                List.of("--version"),
                List.of("--help"),
                List.of("validate", "--no-cache"),
                List.of("validate"),
                List.of("validate"),
                List.of("validate", "--format", "json"),
                List.of("validate", "--format", "github"),
                List.of("validate", "--format", "sarif"),
                List.of("validate", "--staged"),
                List.of("validate", "--rev", "HEAD"),
                List.of("validate", "models"),
                List.of("gate", "--base", "HEAD"),
                List.of("history", model),
                List.of("list"),
                List.of("show", model),
                List.of("risk", model),
                List.of("resolve", "--capability", "classification"),
                List.of("export"),
                List.of("export", "--format", "json"),
                List.of("schema", "model"));
        lines.forEach(line -> run(registry, env, line));
        // The pre-commit case and an edit in the working tree: a card that the cache has not seen,
        // in the index and on disk (a git repository only when install.sh could make one).
        Path card = registry.resolve("models/" + model.replace('@', '/') + ".yaml");
        if (Files.isRegularFile(card)) {
            Files.writeString(card, Files.readString(card) + "# edited by the training run\n");
            stage(registry, card);
            run(registry, env, List.of("validate", "--staged"));
            run(registry, env, List.of("validate"));
            // A card with findings, written partly outside the YAML subset the fast reader takes:
            // what a failing pre-commit run reads and locates with SnakeYAML's parser, which no
            // valid card (nor the bundled policy) loads any more.
            Files.writeString(card, Files.readString(card).replaceFirst("(?m)^provider: .*$", "provider: 12345")
                    + "trainingTags: [one,\n  two]\n");
            stage(registry, card);
            run(registry, env, List.of("validate", "--staged"));
            run(registry, env, List.of("validate"));
            run(registry, env, List.of("validate", "--format", "json"));

            // A registry large enough that the walk lists its models folder in parallel slices.
            for (int i = 0; i < 160; i++) {
                Path copy = registry.resolve("models/training-" + i + "/1.0.0.yaml");
                Files.createDirectories(copy.getParent());
                Files.copy(card, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            run(registry, env, List.of("validate", "--no-cache"));
            run(registry, env, List.of("validate"));
            run(registry, env, List.of("validate"));
        }
        // As Main ends: a thread a command left running (JGit measuring the file system in the
        // background, on a fresh HOME) must not keep the training JVM, and install.sh, waiting.
        System.exit(0);
    }

    /** {@code git add} of one file, when there is a git program (else the index keeps the old one). */
    private static void stage(Path registry, Path file) throws InterruptedException {
        try {
            new ProcessBuilder("git", "add", "--", file.toString()).directory(registry.toFile())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        } catch (java.io.IOException e) {
            // no git: the staged run reads the index without the edit
        }
    }

    private static void run(Path registry, Map<String, String> env, List<String> line) {
        String[] argv = new String[line.size() + 2];
        argv[0] = "-C";
        argv[1] = registry.toString();
        for (int i = 0; i < line.size(); i++) {
            argv[i + 2] = line.get(i);
        }
        PrintWriter nowhere = new PrintWriter(Writer.nullWriter());
        Main.run(argv, new BufferedReader(new StringReader("")), nowhere, nowhere, env, registry, false);
    }

    /** Some model reference of the registry, for show and risk. */
    private static String firstModel(Path registry) throws java.io.IOException {
        Path models = registry.resolve("models");
        if (!Files.isDirectory(models)) {
            return "none@1.0.0";
        }
        try (var files = Files.walk(models)) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().findFirst()
                    .map(p -> p.getParent().getFileName() + "@" + p.getFileName().toString().replaceFirst("\\.yaml$", ""))
                    .orElse("none@1.0.0");
        }
    }
}
