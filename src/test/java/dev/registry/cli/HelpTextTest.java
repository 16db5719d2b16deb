package dev.registry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The help of every command, as a user reads it: picocli prints each description element as its
 * own paragraph, the first as the command's line in `registry --help`, and wraps everything at the
 * usage width, examples included.
 */
class HelpTextTest {

    /** Every command of ours (picocli's generate-completion aside), subcommands included. */
    private static List<CommandSpec> commands() {
        RegistryCommand root = new RegistryCommand(new BufferedReader(new StringReader("")), new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()), Map.of(), Path.of("").toAbsolutePath(), false);
        List<CommandSpec> all = new ArrayList<>();
        collect(Main.commandLine(root, new String[0]).getCommandSpec(), all);
        assertEquals(RegistryCommand.SUBCOMMANDS.size(), all.stream().filter(c -> c.parent() != null && c.parent().parent() == null).count() + 1,
                "every subcommand is checked (generate-completion excepted)");
        return all;
    }

    private static void collect(CommandSpec spec, List<CommandSpec> into) {
        if (spec.name().equals("generate-completion")) {
            return;
        }
        into.add(spec);
        spec.subcommands().values().forEach(c -> collect(c.getCommandSpec(), into));
    }

    @Test
    void everyDescriptionParagraphIsWholeSentences() {
        List<String> broken = new ArrayList<>();
        for (CommandSpec c : commands()) {
            for (String line : c.usageMessage().description()) {
                if (!line.strip().endsWith(".")) {
                    broken.add(c.qualifiedName() + ": " + line);
                }
            }
        }
        assertEquals(List.of(), broken, "each description element is printed as a paragraph: end it with a full stop");
    }

    @Test
    void theCommandListGivesEachCommandAShortSentence() {
        // `registry --help` lists commands with their first description line in 57 columns.
        List<String> tooLong = new ArrayList<>();
        for (CommandSpec c : commands()) {
            String summary = c.usageMessage().description().length == 0 ? "" : c.usageMessage().description()[0];
            if (summary.isEmpty() || summary.length() > 2 * 57) {
                tooLong.add(c.qualifiedName() + ": " + summary);
            }
        }
        assertEquals(List.of(), tooLong, "the first description line is the command's summary: one sentence of at most two lines");
    }

    @Test
    void examplesFitTheHelpWidthSoTheyCanBeCopied() {
        // Indented footer lines are examples and tables; prose may wrap.
        List<String> wrapped = new ArrayList<>();
        for (CommandSpec c : commands()) {
            for (String line : c.usageMessage().footer()) {
                if (line.startsWith(" ") && line.length() > c.usageMessage().width()) {
                    wrapped.add(c.qualifiedName() + ": " + line);
                }
            }
        }
        assertEquals(List.of(), wrapped, "picocli wraps longer footer lines, breaking an example or a table across lines");
    }

    @Test
    void commitShowsTheMessageOfItsOwnCommand() {
        List<String> commands = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        for (CommandSpec c : commands()) {
            CommandLine.Model.OptionSpec commit = c.findOption("--commit");
            if (commit == null) {
                continue;
            }
            commands.add(c.name());
            String text = String.join(" ", commit.description());
            if (!text.contains("a message such as `" + c.name() + " ")) {
                wrong.add(c.qualifiedName() + ": " + text);
            }
        }
        assertEquals(List.of("register", "deploy", "import", "promote", "approve", "deprecate", "retire", "rollback"), commands);
        assertEquals(List.of(), wrong);
        // The copy is still bound to the command's field: --commit parses as before.
        var r = dev.registry.testing.Cli.in(Path.of("").toAbsolutePath()).run("promote", "--help");
        assertEquals(0, r.exit(), r.toString());
        assertEquals(1, r.out().split("--commit ", -1).length - 1, "listed once: " + r.out());
    }

    @Test
    void everyOptionAndParameterSaysWhatItIs() {
        List<String> silent = new ArrayList<>();
        for (CommandSpec c : commands()) {
            for (ArgSpec a : c.args()) {
                String text = String.join(" ", a.description()).strip();
                if (text.isEmpty()) {
                    silent.add(c.qualifiedName() + " " + (a.isOption() ? ((CommandLine.Model.OptionSpec) a).longestName() : a.paramLabel()));
                }
            }
        }
        assertEquals(List.of(), silent);
    }
}
