import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Converts every .yaml file under a registry folder into a .json file at the same relative path
 * under another folder, for peers that validate JSON (ajv-cli). Run with the registry jar on the
 * class path, so the YAML is read by the same Jackson/SnakeYAML as the tool's:
 *
 * <pre>java -cp registry.jar bench/CardsToJson.java &lt;registry dir&gt; &lt;json dir&gt;</pre>
 */
public final class CardsToJson {
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: java -cp registry.jar bench/CardsToJson.java <registry dir> <json dir>");
            System.exit(2);
        }
        Path from = Path.of(args[0]);
        Path to = Path.of(args[1]);
        YAMLMapper yaml = new YAMLMapper();
        ObjectMapper json = new ObjectMapper();
        List<Path> files;
        try (Stream<Path> s = Files.walk(from)) {
            files = s.filter(p -> p.toString().endsWith(".yaml") && Files.isRegularFile(p)).toList();
        }
        files.parallelStream().forEach(p -> {
            try {
                JsonNode n = yaml.readTree(p.toFile());
                String rel = from.relativize(p).toString();
                Path out = to.resolve(rel.substring(0, rel.length() - ".yaml".length()) + ".json");
                Files.createDirectories(out.getParent());
                json.writeValue(out.toFile(), n);
            } catch (IOException e) {
                throw new UncheckedIOException(p + ": " + e.getMessage(), e);
            }
        });
        System.out.println("converted " + files.size() + " files to " + to);
    }
}
