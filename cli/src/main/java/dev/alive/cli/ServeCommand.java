package dev.alive.cli;

import dev.alive.deploy.HostOperations;
import dev.alive.deploy.api.SubdomainSettings;
import dev.alive.server.AliveServer;
import dev.alive.server.ServeOptions;
import dev.alive.server.ServeUnit;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the deploy API (the web app's deploy-subdomain, sites, runs) until SIGTERM.",
        footer = {"", "Every endpoint needs a token: alive token create --name web --scope deploy.",
                "On SIGTERM it takes no new runs, lets running ones finish or roll back, then exits.",
                "", "Examples:", "  alive serve --listen 127.0.0.1:7070 --templates /etc/alive/templates",
                "  alive serve --host production --print-unit > /etc/systemd/system/alive-serve.service"})
final class ServeCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Mixin
    HostOption hostOption;

    @Option(names = "--listen", paramLabel = "ADDRESS:PORT", defaultValue = ServeOptions.DEFAULT_LISTEN,
            description = "Where to listen (default: ${DEFAULT-VALUE}, loopback only).")
    String listen;

    @Option(names = "--templates", paramLabel = "DIR", defaultValue = "templates",
            description = "Templates for deploy-subdomain, each DIR/<id>/site.yaml (default: ${DEFAULT-VALUE}).")
    Path templates;

    @Option(names = "--default-template", paramLabel = "ID", defaultValue = "default",
            description = "The template of a request that names none (default: ${DEFAULT-VALUE}).")
    String defaultTemplate;

    @Option(names = "--site-limit", paramLabel = "N", defaultValue = "10",
            description = "Sites one org may have (default: ${DEFAULT-VALUE}).")
    int siteLimit;

    @Option(names = "--specs", paramLabel = "DIR",
            description = "The spec folder (a fleet) that POST /api/sites/DOMAIN/plan|apply|rollback and DELETE use.")
    Path specs;

    @Option(names = "--print-unit", description = "Print the hardened systemd unit that runs this server, and exit.")
    boolean printUnit;

    @Override
    public Integer call() throws InterruptedException {
        var context = main.context();
        int colon = listen.lastIndexOf(':');
        int port;
        try {
            port = Integer.parseInt(listen.substring(colon + 1));
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
            port = -1;
        }
        if (listen.startsWith("unix:") || colon <= 0 || port < 0 || port > 65535) {
            context.err().println("alive: --listen must be ADDRESS:PORT such as 127.0.0.1:7070, not '" + listen + "'"
                    + (listen.startsWith("unix:") ? " (unix sockets are not supported yet)" : ""));
            return ExitCodes.USAGE;
        }
        var address = listen.substring(0, colon).replace("[", "").replace("]", "");
        var settings = new SubdomainSettings(context.workingDir().resolve(templates), defaultTemplate, siteLimit, Map.of());
        var listening = ServeOptions.defaults(settings).withListen(address, port);
        var options = specs == null ? listening : listening.withSpecs(context.workingDir().resolve(specs));
        if (printUnit) {
            var profile = hostOption.host != null ? hostOption.host
                    : context.environment().getOrDefault(HostOption.VARIABLE, "production");
            context.out().print(ServeUnit.text("/usr/local/bin/alive", profile, listen, options));
            return ExitCodes.OK;
        }
        var host = hostOption.resolve(context);
        var stopped = new CountDownLatch(1);
        var operations = HostOperations.open(host, context.environment());
        AliveServer server;
        try {
            server = AliveServer.start(operations, options);
        } catch (RuntimeException e) {
            operations.close();
            throw e;
        }
        var done = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopped.countDown();
            try {
                server.close();
                operations.close();
            } finally {
                done.countDown();
            }
        }, "alive-serve-stop"));
        context.err().println("alive serve: host " + host.name() + ", listening on " + address + ":" + server.port()
                + " (SIGTERM stops it gracefully)");
        context.err().flush();
        stopped.await();
        done.await();
        return ExitCodes.OK;
    }
}
