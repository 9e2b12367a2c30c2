package dev.alive.deploy.adopt;

import dev.alive.deploy.ImportRequest;
import dev.alive.deploy.ImportResult;
import dev.alive.deploy.ImportResult.Row;
import dev.alive.deploy.legacy.Disagreement;
import dev.alive.deploy.legacy.JoinedSite;
import dev.alive.deploy.legacy.LegacyJoin;
import dev.alive.deploy.legacy.LegacySite;
import dev.alive.deploy.legacy.LegacySources;
import dev.alive.deploy.legacy.Refusal;
import dev.alive.engine.ApplyOptions;
import dev.alive.engine.Engine;
import dev.alive.engine.RunListener;
import dev.alive.engine.UnitResult;
import dev.alive.engine.error.AliveException;
import dev.alive.engine.error.ErrorCategory;
import dev.alive.engine.store.RunKind;
import dev.alive.engine.store.RunOutcome;
import dev.alive.specs.Site;
import dev.alive.specs.SpecLoader;
import dev.alive.state.Domains;
import dev.alive.tasks.OwnerPassword;
import dev.alive.tasks.SiteCompiler;
import dev.alive.tasks.system.Caddy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code alive import legacy}: reads the legacy server, joins it, and adopts each site whose
 * sources agree: its spec written to the out folder, then one ADOPT run of its as-is tasks,
 * committed at once (a killed import leaves no site half adopted: a site is adopted when its run
 * committed). Nothing on the legacy server is written; the only writes are the spec files and the
 * state store. A site already adopted (its spec unchanged, its plan "No changes") is left alone.
 */
public final class LegacyImport {

    private final Engine engine;
    private final SiteCompiler compiler;
    private final Domains domains;
    private final Caddy caddy;
    private final Map<String, String> environment;

    public LegacyImport(Engine engine, SiteCompiler compiler, Domains domains, Caddy caddy,
                        Map<String, String> environment) {
        this.engine = engine;
        this.compiler = compiler;
        this.domains = domains;
        this.caddy = caddy;
        this.environment = Map.copyOf(environment);
    }

    public ImportResult run(ImportRequest request, RunListener listener) {
        var sources = LegacySources.read(request.paths(), caddy,
                request.portsFromStore() ? Optional.of(domains) : Optional.empty());
        var report = LegacyJoin.join(sources);
        var rows = new ArrayList<Row>();
        var seen = new java.util.HashSet<String>();
        for (JoinedSite joined : report.sites()) {
            seen.add(joined.name());
            if (!request.only().isEmpty() && !request.only().contains(joined.name())) {
                continue;
            }
            rows.add(joined instanceof Refusal refusal
                    ? new ImportResult.Refused(refusal.name(),
                            refusal.disagreements().stream().map(Disagreement::message).toList())
                    : adopt((LegacySite) joined, request, listener));
        }
        request.only().stream().filter(name -> !seen.contains(name)).sorted().forEach(name -> rows.add(
                new ImportResult.Refused(name, List.of("the legacy server has no site " + name))));
        rows.sort(java.util.Comparator.comparing(Row::name));
        return new ImportResult(request.dryRun(), rows);
    }

    private Row adopt(LegacySite legacy, ImportRequest request, RunListener listener) {
        var spec = request.out().resolve(legacy.domain() + ".yaml");
        var text = AsIsSpecText.of(legacy, request.paths());
        var existing = read(spec);
        if (existing.isPresent() && !existing.get().equals(text)) {
            return new ImportResult.Kept(legacy.domain(), spec, "its spec in " + request.out()
                    + " differs from what the server says (edited since the import): left as it is");
        }
        if (request.dryRun()) {
            return existing.isPresent() && !hasChanges(load(spec))
                    ? new ImportResult.AlreadyAdopted(legacy.domain(), spec)
                    : new ImportResult.WouldAdopt(legacy.domain(), spec);
        }
        if (existing.isEmpty()) {
            write(spec, text);
        }
        var site = load(spec);
        if (!hasChanges(site)) {
            return new ImportResult.AlreadyAdopted(legacy.domain(), spec);
        }
        var result = engine.apply(compiler.compile(List.of(site), OwnerPassword.none()),
                ApplyOptions.defaults().withKind(RunKind.ADOPT), listener).units().get(0);
        if (result instanceof UnitResult.Finished finished && finished.outcome() == RunOutcome.SUCCEEDED) {
            return new ImportResult.Adopted(legacy.domain(), spec, finished.runId());
        }
        return new ImportResult.Failed(legacy.domain(), describe(result));
    }

    private boolean hasChanges(Site site) {
        return engine.plan(compiler.compile(List.of(site), OwnerPassword.none())).hasChanges();
    }

    private Site load(Path spec) {
        return SpecLoader.withEnvironment(environment).loadSite(spec);
    }

    private static String describe(UnitResult result) {
        if (result instanceof UnitResult.Finished finished) {
            return finished.summary();
        }
        return result instanceof UnitResult.Locked locked ? locked.error().getMessage()
                : ((UnitResult.NotStarted) result).reason();
    }

    private static Optional<String> read(Path spec) {
        try {
            return Files.isRegularFile(spec) ? Optional.of(Files.readString(spec)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Written whole or not at all (a temporary file renamed over), so a killed import leaves no half spec. */
    private static void write(Path spec, String text) {
        try {
            Files.createDirectories(spec.getParent());
            var temporary = spec.resolveSibling("." + spec.getFileName() + ".tmp");
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            Files.move(temporary, spec, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new AliveException(ErrorCategory.FAILED, "cannot write " + spec + ": " + e.getMessage()
                    + "; give --out a folder alive can write");
        }
    }

}
