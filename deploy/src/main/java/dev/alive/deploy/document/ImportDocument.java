package dev.alive.deploy.document;

import dev.alive.deploy.ImportResult;
import java.util.List;

/**
 * What {@code alive import legacy} did (or, with {@code dryRun}, would do), one row per site.
 *
 * @param complete true when every site was (or would be) adopted
 */
public record ImportDocument(boolean dryRun, boolean complete, int adopted, int refused, List<Site> sites)
        implements Document {

    /**
     * @param outcome adopted, already_adopted, would_adopt, refused, kept (its spec was edited) or failed
     * @param spec the spec file, null for a refused or failed site
     * @param runId the ADOPT run, for an adopted site
     * @param reasons why it was not adopted (every disagreement of its sources), empty otherwise
     */
    public record Site(String name, String outcome, String spec, String runId, List<String> reasons) {
    }

    public static ImportDocument of(ImportResult result) {
        var sites = result.sites().stream().map(ImportDocument::site).toList();
        int adopted = (int) sites.stream().filter(s -> s.outcome().equals("adopted")
                || s.outcome().equals("already_adopted") || s.outcome().equals("would_adopt")).count();
        return new ImportDocument(result.dryRun(), result.complete(), adopted, sites.size() - adopted, sites);
    }

    private static Site site(ImportResult.Row row) {
        if (row instanceof ImportResult.Adopted a) {
            return new Site(a.name(), "adopted", a.spec().toString(), a.runId(), List.of());
        } else if (row instanceof ImportResult.AlreadyAdopted a) {
            return new Site(a.name(), "already_adopted", a.spec().toString(), null, List.of());
        } else if (row instanceof ImportResult.WouldAdopt w) {
            return new Site(w.name(), "would_adopt", w.spec().toString(), null, List.of());
        } else if (row instanceof ImportResult.Refused r) {
            return new Site(r.name(), "refused", null, null, r.reasons());
        } else if (row instanceof ImportResult.Kept k) {
            return new Site(k.name(), "kept", k.spec().toString(), null, List.of(k.reason()));
        }
        var failed = (ImportResult.Failed) row;
        return new Site(failed.name(), "failed", null, null, List.of(failed.message()));
    }
}
