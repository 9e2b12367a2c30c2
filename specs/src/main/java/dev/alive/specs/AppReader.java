package dev.alive.specs;

import dev.alive.specs.Site.App;
import dev.alive.specs.Site.Build;
import dev.alive.specs.Site.EnvValue;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Reads the {@code app:} mapping of a site spec: root folder, commands, build outputs, env. */
final class AppReader {

    private final TemplateFolder templates;
    private final Map<String, String> environment;
    private final Problems problems;

    AppReader(TemplateFolder templates, Map<String, String> environment, Problems problems) {
        this.templates = templates;
        this.environment = environment;
        this.problems = problems;
    }

    /** @param template the resolved template, empty when it had problems (app.root is then not checked) */
    Optional<App> read(Fields app, Optional<Path> template) {
        Optional<String> root = app.scalar("root")
                .map(node -> template.flatMap(folder -> templates.appRoot(folder, node, problems)))
                .orElse(Optional.of("."));
        Optional<Optional<String>> install = optionalCommand(app, "install", "install: npm install");
        Optional<Optional<Build>> build = app.has("build")
                ? app.mapping("build").flatMap(this::build).map(Optional::of)
                : Optional.of(Optional.empty());
        Optional<String> start = app.required("start", "the command that serves the site on $PORT,"
                + " e.g. start: node server.js")
                .flatMap(node -> SpecCommandChecks.check(node, "app.start", "node server.js", problems));
        Optional<Map<String, EnvValue>> env = app.has("env")
                ? app.mapping("env").map(fields -> new EnvReader(environment, problems).read(fields))
                : Optional.of(Map.of());
        if (root.isEmpty() || install.isEmpty() || build.isEmpty() || start.isEmpty() || env.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new App(root.get(), install.get(), build.get(), start.get(), env.get()));
    }

    /** Outer empty: a problem; inner empty: not given. */
    private Optional<Optional<String>> optionalCommand(Fields fields, String key, String example) {
        Optional<ScalarNode> node = fields.scalar(key);
        if (node.isEmpty()) {
            return fields.value(key).isPresent() ? Optional.empty() : Optional.of(Optional.empty());
        }
        return SpecCommandChecks.check(node.get(), fields.name(key), example, problems).map(Optional::of);
    }

    private Optional<Build> build(Fields build) {
        Optional<String> command = build.required("command", "the build command, e.g. command: npm run build")
                .flatMap(node -> SpecCommandChecks.check(node, "app.build.command", "npm run build", problems));
        Optional<List<String>> outputs = build.has("outputs")
                ? build.list("outputs").flatMap(this::outputs)
                : Optional.of(List.of());
        return command.isPresent() && outputs.isPresent() ? Optional.of(new Build(command.get(), outputs.get()))
                : Optional.empty();
    }

    private Optional<List<String>> outputs(SequenceNode list) {
        List<String> outputs = new ArrayList<>();
        boolean ok = true;
        for (Node item : list.getValue()) {
            Optional<String> output = output(item);
            output.ifPresent(outputs::add);
            ok &= output.isPresent();
        }
        return ok ? Optional.of(List.copyOf(outputs)) : Optional.empty();
    }

    private Optional<String> output(Node item) {
        String hint = "an output is a folder or file the build writes inside the app, e.g. dist";
        if (!(item instanceof ScalarNode scalar)) {
            problems.at(item, "app.build.outputs: expected a folder name, got " + Texts.describe(item) + "; " + hint);
            return Optional.empty();
        }
        String value = scalar.getValue();
        String shown = "app.build.outputs entry " + Texts.quote(value);
        try {
            Path path = Path.of(value).normalize();
            if (value.isBlank() || Texts.hasControlCharacter(value)) {
                problems.at(item, shown + " is not a usable path; " + hint);
            } else if (path.isAbsolute() || path.startsWith("..")) {
                problems.at(item, shown + " leaves the app folder; " + hint);
            } else if (path.toString().isEmpty()) {
                problems.at(item, shown + " is the app folder itself; " + hint);
            } else {
                return Optional.of(path.toString());
            }
        } catch (InvalidPathException e) {
            problems.at(item, shown + " is not a valid path; " + hint);
        }
        return Optional.empty();
    }
}
