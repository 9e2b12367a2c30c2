package dev.alive.deploy.legacy;

import java.util.List;

/** The join of a legacy server: every domain (and every unit without one), sorted by name. */
public record LegacyReport(List<JoinedSite> sites) {
    public LegacyReport {
        sites = List.copyOf(sites);
    }

    public List<LegacySite> agreed() {
        return sites.stream().filter(LegacySite.class::isInstance).map(LegacySite.class::cast).toList();
    }

    public List<Refusal> refused() {
        return sites.stream().filter(Refusal.class::isInstance).map(Refusal.class::cast).toList();
    }
}
