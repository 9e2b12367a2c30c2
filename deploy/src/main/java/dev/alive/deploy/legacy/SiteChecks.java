package dev.alive.deploy.legacy;

import dev.alive.deploy.legacy.Disagreement.Ambiguous;
import dev.alive.deploy.legacy.Disagreement.Mismatch;
import dev.alive.deploy.legacy.Disagreement.Missing;
import dev.alive.deploy.legacy.Disagreement.PortMismatch;
import dev.alive.tasks.system.LinuxUser;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The checks of one domain against every source, collecting every disagreement. */
final class SiteChecks {
    private static final String ENV_MODE = "640";
    private static final String WORKSPACE_MODE = "750";

    private final LegacySources sources;

    SiteChecks(LegacySources sources) {
        this.sources = sources;
    }

    private record Claim(String source, int port) {
    }

    JoinedSite check(String domain, List<UnitInstance> units, Optional<EnvFile> env) {
        List<Disagreement> found = new ArrayList<>();
        List<PortEntry> ports = sources.ports().stream().filter(p -> p.domain().equals(domain)).toList();
        List<Workspace> workspaces = sources.workspaces().workspaces().stream()
                .filter(w -> w.domain().equals(domain)).toList();
        CaddySiteBlock block = sources.caddy().get(domain);
        Optional<UnitInstance> unit = units.size() == 1 ? Optional.of(units.get(0)) : Optional.empty();
        Optional<String> slug = unit.map(UnitInstance::slug).or(() -> env.map(EnvFile::slug));

        if (units.size() > 1) {
            found.add(new Ambiguous(domain, "site@ unit", units.stream().map(UnitInstance::name).toList()));
        } else if (units.isEmpty()) {
            ports.forEach(p -> found.add(new Disagreement.RegistryEntryWithoutUnit(domain, p.source())));
            workspaces.forEach(w -> found.add(new Disagreement.WorkspaceWithoutUnit(domain, w.path())));
            if (ports.isEmpty() && workspaces.isEmpty()) {
                found.add(new Missing(domain, "site@ unit", "a *.wants/site@<slug>.service link"
                        + env.map(e -> ", as " + e.path() + " suggests").orElse("")));
            }
        }
        if (ports.isEmpty() && unit.isPresent()) {
            found.add(new Disagreement.UnitWithoutDomainRow(domain, unit.get().name(), String.join(" or ", sources.portSources())));
        }
        ports(domain, ports, env, block, found);
        env.ifPresentOrElse(e -> env(domain, e, unit, found), () -> {
            if (unit.isPresent()) {
                found.add(new Missing(domain, "env file", String.join(", ", unit.get().environmentFiles())));
            }
        });
        caddy(domain, block, found);
        Optional<Workspace> workspace = workspace(domain, workspaces, slug, found);
        Optional<LinuxUser> user = unit.flatMap(u -> unit(domain, u, workspace, found));

        if (!found.isEmpty() || unit.isEmpty() || env.isEmpty() || workspace.isEmpty() || user.isEmpty()
                || !(block instanceof CaddySiteBlock.Proxy proxy)) {
            if (found.isEmpty()) {
                throw new IllegalStateException(domain + " lacks a part but no disagreement says so");
            }
            return new Refusal(domain, slug, found);
        }
        UnitInstance u = unit.get();
        return new LegacySite(domain, u.slug(), proxy.port(), ports.stream().map(PortEntry::source).toList(),
                workspace.get().path(), workspace.get().appDir(), u.name(), u.execStart().get(0), u.workingDirectory(),
                env.get().path(), u.dropIns(), user.get().name(), user.get().uid(), proxy);
    }

    private void ports(String domain, List<PortEntry> ports, Optional<EnvFile> env, CaddySiteBlock block,
                       List<Disagreement> found) {
        List<Claim> claims = new ArrayList<>();
        ports.forEach(p -> claims.add(new Claim(p.source(), p.port())));
        env.filter(e -> e.port().isPresent()).ifPresent(e -> claims.add(new Claim(e.path() + " PORT=", e.port().getAsInt())));
        if (block instanceof CaddySiteBlock.Proxy proxy) {
            claims.add(new Claim("the Caddy block (" + sources.caddyfile() + ")", proxy.port()));
        }
        for (Claim claim : claims.subList(Math.min(1, claims.size()), claims.size())) {
            if (claim.port() != claims.get(0).port()) {
                found.add(new PortMismatch(domain, claims.get(0).source(), claims.get(0).port(), claim.source(), claim.port()));
            }
        }
    }

    private void env(String domain, EnvFile env, Optional<UnitInstance> unit, List<Disagreement> found) {
        env.problems().forEach(p -> found.add(new Mismatch(domain, "content", env.path().toString(),
                "exactly DOMAIN= and PORT=", p)));
        if (!env.mode().equals(ENV_MODE)) {
            found.add(new Mismatch(domain, "mode", env.path().toString(), "0" + ENV_MODE, "0" + env.mode()));
        }
        if (!env.group().equals("site-" + env.slug())) {
            found.add(new Mismatch(domain, "group", env.path().toString(), "site-" + env.slug(), env.group()));
        }
        unit.filter(u -> !u.slug().equals(env.slug())).ifPresent(u -> found.add(new Mismatch(domain, "slug",
                env.path().toString(), u.slug() + " (the unit's instance name)", env.slug())));
    }

    private void caddy(String domain, CaddySiteBlock block, List<Disagreement> found) {
        if (block == null) {
            found.add(new Missing(domain, "Caddy block", "in " + sources.caddyfile()));
        } else if (block instanceof CaddySiteBlock.Unknown unknown) {
            found.add(new Disagreement.UnknownCaddyBlock(domain, sources.caddyfile(), unknown.reason()));
        } else if (block instanceof CaddySiteBlock.Proxy proxy && !sources.listening().contains(proxy.port())) {
            found.add(new Disagreement.NothingListens(domain, proxy.port(), sources.caddyfile()));
        }
    }

    private Optional<Workspace> workspace(String domain, List<Workspace> workspaces, Optional<String> slug,
                                          List<Disagreement> found) {
        if (workspaces.size() > 1) {
            found.add(new Ambiguous(domain, "workspace", workspaces.stream().map(w -> w.path().toString()).toList()));
            return Optional.empty();
        }
        if (workspaces.isEmpty()) {
            found.add(new Missing(domain, "workspace", "<sites root>/" + domain));
            return Optional.empty();
        }
        Workspace w = workspaces.get(0);
        if (!w.mode().equals(WORKSPACE_MODE)) {
            found.add(new Mismatch(domain, "mode", w.path().toString(), "0" + WORKSPACE_MODE, "0" + w.mode()));
        }
        slug.filter(s -> !w.owner().equals("site-" + s)).ifPresent(s -> found.add(new Mismatch(domain, "owner",
                w.path().toString(), "site-" + s, w.owner())));
        if (!w.hasApp()) {
            found.add(new Missing(domain, "app folder", w.appDir().toString()));
        }
        return Optional.of(w);
    }

    private Optional<LinuxUser> unit(String domain, UnitInstance unit, Optional<Workspace> workspace,
                                     List<Disagreement> found) {
        unit.problems().forEach(p -> found.add(new Mismatch(domain, "unit", unit.name(), "the template and its drop-ins", p)));
        if (unit.execStart().size() != 1) {
            found.add(new Mismatch(domain, "ExecStart", unit.name(), "one command", unit.execStart().size() + " commands"));
        }
        workspace.ifPresent(w -> workingDirectory(domain, unit, w, found));
        String expectedUser = "site-" + unit.slug();
        if (!unit.user().equals(expectedUser)) {
            found.add(new Mismatch(domain, "User", unit.name(), expectedUser, unit.user().isEmpty() ? "not set" : unit.user()));
            return Optional.empty();
        }
        Optional<LinuxUser> user = sources.accounts().user(expectedUser);
        if (user.isEmpty()) {
            found.add(new Missing(domain, "Linux user " + expectedUser, "in the server's passwd"));
        } else if (!user.get().shell().endsWith("/nologin")) {
            found.add(new Mismatch(domain, "shell", "user " + expectedUser, "nologin", user.get().shell()));
        }
        return user;
    }

    private static void workingDirectory(String domain, UnitInstance unit, Workspace workspace, List<Disagreement> found) {
        try {
            Path real = Path.of(unit.workingDirectory()).toRealPath();
            if (!real.startsWith(workspace.path().toRealPath())) {
                found.add(new Mismatch(domain, "WorkingDirectory", unit.name(), "a folder in " + workspace.path(),
                        unit.workingDirectory() + " (" + real + ")"));
            }
        } catch (IOException | RuntimeException e) {
            found.add(new Mismatch(domain, "WorkingDirectory", unit.name(), "a folder in " + workspace.path(),
                    unit.workingDirectory() + ", which does not exist"));
        }
    }
}
