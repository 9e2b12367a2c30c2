package dev.alive.cli;

import dev.alive.deploy.HostOperations;
import dev.alive.deploy.ImportRequest;
import dev.alive.deploy.document.ImportDocument;
import dev.alive.deploy.legacy.LegacyPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "legacy", mixinStandardHelpOptions = true,
        description = {"Adopt the sites the as-is scripts deployed, as they run: no restart, nothing on",
                "the server written. Each site whose sources (port registry, Caddyfile, env file,",
                "unit, workspace, user, listener) agree gets a spec <out>/<domain>.yaml (layout",
                "as-is) and one adopt run; a plan of it then says No changes. The others are",
                "refused, naming what disagrees. Exit 0 when every site was adopted, 5 when some",
                "were not."},
        footer = {"", "Examples:", "  alive import legacy --out sites/ --dry-run",
                "  alive import legacy --out sites/ --only shop.alive.best --json"})
final class ImportLegacyCommand implements Callable<Integer> {

    @ParentCommand
    ImportCommand parent;

    @Mixin
    HostOption hostOption;

    @Mixin
    JsonOption json;

    @Option(names = "--root", paramLabel = "DIR", description = {"Read the server as laid out under DIR (a mounted",
            "disk image, a copy): every default path below, /etc/passwd and /etc/group are taken under it.",
            "Default: /."})
    Path root;

    @Option(names = "--registry", paramLabel = "FILE", description = {"The port registry domain-passwords.json.",
            "Default: " + "/var/lib/claude-bridge/domain-passwords.json when it exists, else the ports",
            "of the state store's app.domains."})
    Path registry;

    @Option(names = "--caddyfile", paramLabel = "FILE", description = "Default: /root/alive/Caddyfile.")
    Path caddyfile;

    @Option(names = "--env-dir", paramLabel = "DIR", description = "Default: /etc/sites.")
    Path envDir;

    @Option(names = "--sites-root", paramLabel = "DIR", description = {"Where the workspaces are (may be repeated).",
            "Default: /srv/webalive/sites, then /root/webalive/sites."})
    List<Path> sitesRoots = new ArrayList<>();

    @Option(names = "--units", paramLabel = "DIR", description = "Default: /etc/systemd/system.")
    Path units;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where the specs are written.")
    Path out;

    @Option(names = "--dry-run", description = "Only show what would be adopted and what not.")
    boolean dryRun;

    @Option(names = "--only", paramLabel = "DOMAIN", arity = "1..*", description = "Only these sites.")
    List<String> only = new ArrayList<>();

    @Override
    public Integer call() {
        var context = parent.main.context();
        var host = hostOption.resolve(context);
        var dir = context.workingDir();
        var paths = root == null ? LegacyPaths.production() : LegacyPaths.under(dir.resolve(root));
        boolean portsFromStore = false;
        if (registry != null) {
            paths = paths.withRegistry(Optional.of(dir.resolve(registry)));
        } else if (paths.registry().filter(Files::isRegularFile).isEmpty()) {
            paths = paths.withRegistry(Optional.empty());
            portsFromStore = true;
        }
        if (caddyfile != null) {
            paths = paths.withCaddyfile(dir.resolve(caddyfile));
        }
        if (envDir != null) {
            paths = paths.withEnvDir(dir.resolve(envDir));
        }
        if (!sitesRoots.isEmpty()) {
            paths = paths.withSitesRoots(sitesRoots.stream().map(dir::resolve).toList());
        }
        if (units != null) {
            paths = paths.withUnitsDir(dir.resolve(units));
        }
        var request = new ImportRequest(paths, portsFromStore, dir.resolve(out), dryRun, Set.copyOf(only));
        try (var operations = HostOperations.open(host, context.environment())) {
            var result = operations.importLegacy(request, dev.alive.engine.RunListener.NONE);
            if (json.wanted()) {
                JsonOption.print(ImportDocument.of(result), context.out());
            } else {
                print(ImportDocument.of(result), context, new Style(context.colors()));
            }
            return result.complete() ? ExitCodes.OK : ExitCodes.IMPORT_INCOMPLETE;
        }
    }

    private static void print(ImportDocument document, CliContext context, Style style) {
        var out = context.out();
        var format = "%-32s %-16s %s%n";
        out.printf(format, "SITE", "OUTCOME", "SPEC / WHY NOT");
        for (var site : document.sites()) {
            var detail = site.reasons().isEmpty() ? site.spec() : String.join("; ", site.reasons());
            out.printf(format, site.name(), site.outcome().replace('_', ' '), detail);
        }
        var verb = document.dryRun() ? "would be adopted" : "adopted";
        var summary = document.adopted() + " " + verb + ", " + document.refused() + " not"
                + (document.dryRun() ? " (dry run: nothing was written)." : ".");
        out.println(document.complete() ? style.green(summary) : style.red(summary));
        out.flush();
    }

}
