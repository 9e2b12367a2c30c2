package dev.alive.deploy.document;

import dev.alive.deploy.legacy.LegacyReport;
import dev.alive.deploy.legacy.LegacySite;
import dev.alive.deploy.legacy.Refusal;
import java.nio.file.Path;
import java.util.List;

/** What a legacy server's sources say, joined by domain: the sites that agree and the refused ones. */
public record LegacyReadDocument(int agreed, int refused, List<Site> sites) implements Document {

    /** One domain: its sources agree, or it is refused. */
    public sealed interface Site {
    }

    /** @param outcome "agreed" */
    public record Agreed(String domain, String outcome, String slug, int port, List<String> portSources,
                         String workspace, String appDir, String unit, String execStart, String workingDirectory,
                         String envFile, List<String> dropIns, String user, int uid, List<String> caddyHosts,
                         String upstream, List<String> headerUp, String filesRoot) implements Site {
        static Agreed of(LegacySite s) {
            return new Agreed(s.domain(), "agreed", s.slug(), s.port(), s.portSources(), s.workspace().toString(),
                    s.appDir().toString(), s.unit(), s.execStart(), s.workingDirectory(), s.envFile().toString(),
                    s.dropIns().stream().map(Path::toString).toList(), s.user(), s.uid(), s.caddy().hosts(),
                    s.caddy().upstream(), s.caddy().headerUp(), s.caddy().filesRoot().orElse(null));
        }
    }

    /** @param outcome "refused"; @param slug null when no source gives one */
    public record Refused(String name, String outcome, String slug, List<Reason> disagreements) implements Site {
        static Refused of(Refusal r) {
            return new Refused(r.name(), "refused", r.slug().orElse(null),
                    r.disagreements().stream().map(d -> new Reason(d.kind(), d.message())).toList());
        }
    }

    /** @param kind port_mismatch, unit_without_domain_row, nothing_listens, ... */
    public record Reason(String kind, String message) {
    }

    public static LegacyReadDocument of(LegacyReport report) {
        return new LegacyReadDocument(report.agreed().size(), report.refused().size(), report.sites().stream()
                .map(s -> s instanceof LegacySite site ? (Site) Agreed.of(site) : Refused.of((Refusal) s)).toList());
    }
}
