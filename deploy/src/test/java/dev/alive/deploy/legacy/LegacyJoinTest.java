package dev.alive.deploy.legacy;

import static dev.alive.deploy.legacy.LegacyServerFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.alive.deploy.document.JsonDocuments;
import dev.alive.deploy.document.LegacyReadDocument;
import dev.alive.tasks.system.Caddy;
import dev.alive.tasks.system.LocalCommandRunner;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The join over a legacy server laid out by {@link LegacyServerFixture}, read with the real caddy. */
class LegacyJoinTest {
    @TempDir
    static Path root;

    private static LegacyServerFixture server;
    private static LegacySources sources;
    private static LegacyReport report;

    @BeforeAll
    static void readTheServer() throws Exception {
        server = LegacyServerFixture.create(root.resolve("server"));
        sources = LegacySources.read(server.paths(), new Caddy(new LocalCommandRunner(), root.resolve("caddy")),
                Optional.empty());
        report = LegacyJoin.join(sources);
    }

    @AfterAll
    static void stopTheSites() {
        server.close();
    }

    private static Map<String, JoinedSite> byName() {
        return report.sites().stream().collect(Collectors.toMap(JoinedSite::name, Function.identity()));
    }

    private static List<Disagreement> disagreements(String name) {
        assertThat(byName()).containsKey(name);
        assertThat(byName().get(name)).as(name).isInstanceOf(Refusal.class);
        return ((Refusal) byName().get(name)).disagreements();
    }

    @Test
    void agreesOnTheConsistentSitesAndRefusesEveryOtherByName() {
        assertThat(report.agreed()).extracting(LegacySite::domain).containsExactlyInAnyOrderElementsOf(CONSISTENT);
        assertThat(report.refused()).extracting(Refusal::name)
                .containsExactlyInAnyOrder(STALE_PORT, ORPHAN_UNIT, NO_UNIT, NOT_LISTENING, WORKSPACE_ONLY);
    }

    @Test
    void aStaleRegistryPortDisagreesWithTheEnvFileAndTheCaddyBlock() {
        var stale = server.paths().registry().orElseThrow().toString();
        assertThat(disagreements(STALE_PORT)).hasSize(2).allSatisfy(d -> {
            assertThat(d).isInstanceOf(Disagreement.PortMismatch.class);
            var mismatch = (Disagreement.PortMismatch) d;
            assertThat(mismatch.source()).startsWith(stale + " line ");
            assertThat(mismatch.otherPort()).isEqualTo(server.port(STALE_PORT));
            assertThat(mismatch.port()).isNotEqualTo(server.port(STALE_PORT));
        });
        assertThat(disagreements(STALE_PORT)).extracting(Disagreement::message)
                .anySatisfy(m -> assertThat(m).contains("delta-alive-best.env PORT= says " + server.port(STALE_PORT)))
                .anySatisfy(m -> assertThat(m).contains("the Caddy block"));
    }

    @Test
    void anOrphanUnitHasNoDomainRow() {
        assertThat(disagreements(ORPHAN_UNIT)).containsExactly(new Disagreement.UnitWithoutDomainRow(ORPHAN_UNIT,
                "site@epsilon-alive-best.service", server.paths().registry().orElseThrow().toString()));
    }

    @Test
    void aRegistryEntryAndAWorkspaceWithoutAUnitAreBothNamed() {
        assertThat(disagreements(NO_UNIT)).extracting(Disagreement::kind)
                .containsExactlyInAnyOrder("registry_entry_without_unit", "workspace_without_unit");
        assertThat(disagreements(WORKSPACE_ONLY)).extracting(Disagreement::kind)
                .contains("workspace_without_unit").doesNotContain("registry_entry_without_unit");
        assertThat(disagreements(WORKSPACE_ONLY)).contains(new Disagreement.WorkspaceWithoutUnit(WORKSPACE_ONLY,
                server.at("/srv/webalive/sites/" + WORKSPACE_ONLY)));
    }

    @Test
    void aBlockPointingAtAPortNothingListensOnIsRefused() {
        assertThat(disagreements(NOT_LISTENING)).containsExactly(new Disagreement.NothingListens(NOT_LISTENING,
                server.port(NOT_LISTENING), server.at("/root/alive/Caddyfile")));
        assertThat(disagreements(NOT_LISTENING).get(0).message())
                .contains("proxies to localhost:" + server.port(NOT_LISTENING) + ", where nothing listens");
    }

    @Test
    void aSiteTakesEveryValueFromItsSources() {
        var classic = (LegacySite) byName().get(CLASSIC);
        assertThat(classic.slug()).isEqualTo("alpha-alive-best");
        assertThat(classic.port()).isEqualTo(server.port(CLASSIC));
        assertThat(classic.unit()).isEqualTo("site@alpha-alive-best.service");
        assertThat(classic.execStart()).isEqualTo("/bin/sh -c 'exec /usr/local/bin/bun run dev'");
        assertThat(classic.workingDirectory()).isEqualTo(server.at("/srv/webalive/sites/alpha-alive-best/user").toString());
        assertThat(classic.workspace()).isEqualTo(server.at("/srv/webalive/sites/" + CLASSIC));
        assertThat(classic.appDir()).isEqualTo(server.at("/srv/webalive/sites/" + CLASSIC + "/user"));
        assertThat(classic.envFile()).isEqualTo(server.at("/etc/sites/alpha-alive-best.env"));
        assertThat(classic.user()).isEqualTo("site-alpha-alive-best");
        assertThat(classic.dropIns()).isEmpty();
        assertThat(classic.caddy().upstream()).isEqualTo("localhost:" + server.port(CLASSIC));
        assertThat(classic.caddy().headerUp()).containsExactly("Host", "X-Forwarded-For", "X-Forwarded-Proto", "X-Real-Ip");
        assertThat(classic.caddy().filesRoot()).isEmpty();
    }

    @Test
    void aDropInReplacesExecStartAndWorkingDirectory() {
        var site = (LegacySite) byName().get(DROP_IN);
        assertThat(site.execStart()).isEqualTo("/usr/bin/node server.js");
        assertThat(site.workingDirectory()).isEqualTo(server.at("/srv/webalive/sites/" + DROP_IN + "/user/dist").toString());
        assertThat(site.dropIns()).containsExactly(
                server.at("/etc/systemd/system/site@gamma-alive-best.service.d/override.conf"));
    }

    @Test
    void readsTheNewerAndTheHandKeptBlocksTheOldPathAndTheSlugAsWritten() {
        var newer = (LegacySite) byName().get(NEWER);
        assertThat(newer.caddy().filesRoot())
                .contains(server.at("/srv/webalive/sites/" + NEWER + "/user/.alive/files").toString());
        assertThat(((LegacySite) byName().get(HAND_KEPT)).caddy().headerUp()).containsExactly("Host", "X-Real-Ip");
        assertThat(((LegacySite) byName().get(OLD_PATH)).workspace()).isEqualTo(server.at("/root/webalive/sites/" + OLD_PATH));
        var odd = (LegacySite) byName().get(ODD_SLUG);
        assertThat(odd.slug()).isEqualTo("double--dash-alive-best");
        assertThat(odd.user()).isEqualTo("site-double--dash-alive-best");
    }

    @Test
    void theRemovedRegistryKeysAppearInNoOutput() {
        assertThat(((LegacySite) byName().get(LEGACY_KEYS)).port()).isEqualTo(server.port(LEGACY_KEYS));
        String json = JsonDocuments.write(LegacyReadDocument.of(report));
        for (String text : List.of(json, report.toString(), sources.toString())) {
            for (String removed : REMOVED_KEYS) {
                assertThat(text).doesNotContainIgnoringCase(removed);
            }
            for (String value : REMOVED_VALUES) {
                assertThat(text).doesNotContain(value);
            }
        }
    }

    @Test
    void theReportIsAVersionedJsonDocument() {
        String json = JsonDocuments.write(LegacyReadDocument.of(report));
        assertThat(json).startsWith("{\n  \"formatVersion\" : 1,\n  \"agreed\" : 7,\n  \"refused\" : 5,");
        assertThat(json).contains("\"kind\" : \"nothing_listens\"", "\"kind\" : \"port_mismatch\"",
                "\"kind\" : \"unit_without_domain_row\"", "\"outcome\" : \"agreed\"", "\"domain\" : \"" + DROP_IN + "\"",
                "\"execStart\" : \"/usr/bin/node server.js\"");
    }
}
