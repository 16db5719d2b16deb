package dev.registry.cli;

import dev.registry.EnvironmentException;
import dev.registry.edit.AtomicFile;
import dev.registry.export.Codeowners;
import dev.registry.finding.Finding;
import dev.registry.finding.Location;
import dev.registry.git.GitRepo;
import dev.registry.report.Output;
import dev.registry.report.TextRenderer;
import dev.registry.source.Snapshot;
import dev.registry.source.SnapshotReader;
import dev.registry.source.WorkingTreeSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code registry codeowners}: a CODEOWNERS file from the owners that cards name, or a check that it is current. */
@Command(name = "codeowners", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Write a CODEOWNERS file from the owners of model and deployment cards.",
                "A pull request touching a card then requests review from its owners. An owner is named by its"
                        + " codeowners handle in owners.yaml; without one, team:<id> stands for the team's email, else its"
                        + " members' emails; paths start at the git repository's root.",
                "With --check, exit 1 when the file differs from what would be generated."},
        footerHeading = "%nExamples:%n",
        footer = {"  registry codeowners -o .github/CODEOWNERS",
                "  registry codeowners --check    # in CI: fails when the file is out of date"})
final class CodeownersCommand implements Callable<Integer> {

    @ParentCommand
    RegistryCommand root;

    @Option(names = {"-o", "--output"}, paramLabel = "<file>",
            description = "Write to <file> (atomically) instead of stdout; with --check, the file to compare.")
    Path output;

    @Option(names = "--check", description = "Compare with the existing file (--output, else the first of the"
            + " locations the syntax's host reads) and exit 1 at the first difference.")
    boolean check;

    @Option(names = "--syntax", paramLabel = "<host>", defaultValue = "github",
            description = "github or gitlab (gitlab adds [Models] and [Deployments] sections). Default: ${DEFAULT-VALUE}.")
    Codeowners.Syntax syntax;

    @Override
    public Integer call() {
        Path registryRoot = root.registryRoot();
        Snapshot snapshot = new SnapshotReader().read(new WorkingTreeSource(registryRoot));
        if (!Readable.check(root, registryRoot, snapshot, "CODEOWNERS")) {
            return ExitCode.FINDINGS;
        }
        Output out = root.output(registryRoot, root.out);
        Path top;
        Codeowners codeowners;
        try (GitRepo repo = GitRepo.open(registryRoot)) {
            if (repo.repository().isBare()) {
                throw new EnvironmentException("CODEOWNERS needs a work tree; " + registryRoot + " is in a bare repository");
            }
            top = repo.repository().getWorkTree().toPath().toAbsolutePath();
            codeowners = Codeowners.of(snapshot, repo.registryPrefix());
        }
        codeowners.warnings().forEach(w -> {
            root.err.println(TextRenderer.line(w, out));
            if (!w.hint().isEmpty()) {
                root.err.println("    hint: " + w.hint());
            }
        });
        root.err.flush();
        String text = codeowners.render(syntax);
        return check ? check(top, text) : write(text, codeowners);
    }

    private int write(String text, Codeowners codeowners) {
        if (output == null) {
            root.out.print(text);
        } else {
            Path target = root.cwd.resolve(output);
            AtomicFile.write(target, text.getBytes(StandardCharsets.UTF_8));
            if (!root.quiet) {
                root.out.println("wrote " + output + ": " + codeowners.rules().size() + " rules");
            }
        }
        root.out.flush();
        return ExitCode.OK;
    }

    private int check(Path top, String expected) {
        Optional<Path> file = output != null
                ? Optional.of(root.cwd.resolve(output))
                : syntax.locations().stream().map(top::resolve).filter(Files::isRegularFile).findFirst();
        String shown = file.map(this::display).orElse(syntax.locations().get(0));
        if (file.isEmpty() || !Files.isRegularFile(file.get())) {
            report(Finding.error("codeowners-stale", shown, Location.START, "",
                    "CODEOWNERS is missing" + (output == null ? " (looked for " + String.join(", ", syntax.locations()) + ")" : ""),
                    "run `registry codeowners --output " + shown + "` and commit the file"));
            return ExitCode.FINDINGS;
        }
        String actual;
        try {
            actual = Files.readString(file.get(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new EnvironmentException("cannot read " + file.get() + ": " + e.getMessage(), e);
        }
        Optional<Codeowners.Difference> diff = Codeowners.firstDifference(expected, actual);
        if (diff.isPresent()) {
            Codeowners.Difference d = diff.get();
            String message = "CODEOWNERS is stale: line " + d.line()
                    + d.expected().map(e -> " should read `" + e + "`").orElse(" should not be there")
                    + d.actual().map(a -> " but reads `" + a + "`").orElse(" but the file ends before it");
            report(Finding.error("codeowners-stale", shown, new Location(d.line(), 1), "", message,
                    "run `registry codeowners --output " + shown + (syntax == Codeowners.Syntax.GITHUB ? "" : " --syntax " + syntax.id())
                            + "` and commit the file"));
            return ExitCode.FINDINGS;
        }
        if (!root.quiet) {
            root.out.println("ok: " + shown + " is up to date");
            root.out.flush();
        }
        return ExitCode.OK;
    }

    private void report(Finding f) {
        // The path is already shown from the user's folder, so no registry prefix.
        Output plain = new Output(root.out, root.err, "", root.color());
        root.err.println(TextRenderer.line(f, plain));
        root.err.println("    hint: " + f.hint());
        root.err.flush();
    }

    private String display(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        return (abs.startsWith(root.cwd) ? root.cwd.relativize(abs) : abs).toString().replace('\\', '/');
    }
}
