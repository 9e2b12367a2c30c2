package dev.alive.deploy.legacy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Joins a legacy server's sources by domain. A unit finds its domain through the env file it names
 * (its {@code DOMAIN=}), else through its slug link; everything else is keyed by domain already.
 * A domain becomes a {@link LegacySite} only when every source agrees; otherwise a {@link Refusal}
 * lists every disagreement at once ({@link SiteChecks}).
 */
public final class LegacyJoin {
    private LegacyJoin() {
    }

    public static LegacyReport join(LegacySources sources) {
        Map<Path, EnvFile> envByPath = new LinkedHashMap<>();
        Map<String, List<EnvFile>> envByDomain = new TreeMap<>();
        for (EnvFile env : sources.envFiles()) {
            envByPath.put(env.path().normalize(), env);
            env.domain().ifPresent(d -> envByDomain.computeIfAbsent(d, k -> new ArrayList<>()).add(env));
        }
        Map<String, String> linkedDomain = new LinkedHashMap<>();
        sources.workspaces().links().forEach(link -> linkedDomain.putIfAbsent(link.slug(),
                link.target().getFileName().toString()));

        TreeSet<String> domains = new TreeSet<>();
        sources.ports().forEach(p -> domains.add(p.domain()));
        domains.addAll(envByDomain.keySet());
        sources.workspaces().workspaces().forEach(w -> domains.add(w.domain()));
        domains.addAll(sources.caddy().keySet());

        List<JoinedSite> sites = new ArrayList<>();
        Map<String, List<UnitInstance>> unitsByDomain = new TreeMap<>();
        Map<UnitInstance, Optional<EnvFile>> unitEnv = new LinkedHashMap<>();
        for (UnitInstance unit : sources.units()) {
            Optional<EnvFile> env = unit.environmentFiles().stream().map(f -> envByPath.get(Path.of(f).normalize()))
                    .filter(e -> e != null).findFirst();
            unitEnv.put(unit, env);
            Optional<String> domain = env.flatMap(EnvFile::domain).or(() -> Optional.ofNullable(linkedDomain.get(unit.slug())));
            if (domain.isEmpty()) {
                sites.add(new Refusal(unit.name(), Optional.of(unit.slug()), List.of(new Disagreement.UnitWithoutDomain(
                        unit.name(), String.join(", ", unit.environmentFiles())))));
                continue;
            }
            domains.add(domain.get());
            unitsByDomain.computeIfAbsent(domain.get(), k -> new ArrayList<>()).add(unit);
        }
        var checks = new SiteChecks(sources);
        for (String domain : domains) {
            List<UnitInstance> units = unitsByDomain.getOrDefault(domain, List.of());
            Optional<EnvFile> env = units.size() == 1 ? unitEnv.get(units.get(0))
                    : envByDomain.getOrDefault(domain, List.of()).stream().findFirst();
            sites.add(checks.check(domain, units, env));
        }
        sites.sort(java.util.Comparator.comparing(JoinedSite::name));
        return new LegacyReport(sites);
    }
}
