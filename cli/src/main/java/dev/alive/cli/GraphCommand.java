package dev.alive.cli;

import dev.alive.deploy.HostOperations;
import dev.alive.deploy.SpecSet;
import dev.alive.engine.TaskGraph;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "graph", mixinStandardHelpOptions = true,
        description = "Print the task graph of the specs, for Graphviz (dot) or Mermaid.",
        footer = {"", "Example:", "  alive graph specs/examples/hello/site.yaml | dot -Tsvg > graph.svg"})
final class GraphCommand implements Callable<Integer> {

    enum Format { DOT, MERMAID }

    @ParentCommand
    Main main;

    @Mixin
    HostOption hostOption;

    @Parameters(arity = "1..*", paramLabel = "SPEC|DIR")
    List<Path> specs;

    @Option(names = "--format", defaultValue = "dot", description = "dot or mermaid (default ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public Integer call() {
        var context = main.context();
        var host = hostOption.resolve(context);
        var sites = SpecSet.load(specs, context.workingDir(), context.environment(), host);
        try (var operations = HostOperations.open(host, context.environment())) {
            var graph = operations.graph(sites);
            context.out().print(format == Format.DOT ? dot(graph) : mermaid(graph));
            context.out().flush();
            return ExitCodes.OK;
        }
    }

    static String dot(TaskGraph graph) {
        var text = new StringBuilder("digraph alive {\n  rankdir=LR;\n  node [shape=box];\n");
        for (var task : graph.tasks()) {
            text.append("  \"").append(task.id()).append("\" [label=\"").append(task.id().name()).append("\"];\n");
            for (var dependency : graph.dependencies(task.id())) {
                text.append("  \"").append(dependency).append("\" -> \"").append(task.id()).append("\";\n");
            }
        }
        return text.append("}\n").toString();
    }

    static String mermaid(TaskGraph graph) {
        var text = new StringBuilder("graph LR\n");
        for (var task : graph.tasks()) {
            var node = node(task.id().toString());
            text.append("  ").append(node).append("[\"").append(task.id()).append("\"]\n");
            for (var dependency : graph.dependencies(task.id())) {
                text.append("  ").append(node(dependency.toString())).append(" --> ").append(node).append('\n');
            }
        }
        return text.toString();
    }

    private static String node(String id) {
        return id.replaceAll("[^A-Za-z0-9]", "_");
    }
}
