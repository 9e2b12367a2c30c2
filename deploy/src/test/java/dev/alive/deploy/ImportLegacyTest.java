package dev.alive.deploy;

import static dev.alive.deploy.legacy.LegacyServerFixture.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alive.deploy.legacy.LegacyServerFixture;
import dev.alive.engine.ApplyOptions;
import dev.alive.engine.RunListener;
import dev.alive.engine.error.AliveException;
import dev.alive.engine.error.ErrorCategory;
import dev.alive.engine.store.RunKind;
import dev.alive.specs.SpecLoader;
import dev.alive.state.PortUnavailableException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code alive import legacy} over a server laid out by {@link LegacyServerFixture} (real files,
 * real listeners, the real caddy adapting its Caddyfile) into a real SQLite state store.
 */
class ImportLegacyTest {

    private static final List<String> REFUSED = List.of(STALE_PORT, ORPHAN_UNIT, NO_UNIT, NOT_LISTENING, WORKSPACE_ONLY);

    @TempDir
    Path dir;
    private LegacyServerFixture server;
    private TestHost host;
    private Path out;

    @BeforeEach
    void layOutTheServer() throws IOException {
        server = LegacyServerFixture.create(dir.resolve("server"));
        host = TestHost.local(dir.resolve("alive"));
        out = dir.resolve("specs");
    }

    @AfterEach
    void stop() {
        host.close();
        server.close();
    }

    private ImportResult importing(boolean dryRun, Set<String> only) {
        return host.deployments().importLegacy(new ImportRequest(server.paths(), false, out, dryRun, only),
                RunListener.NONE);
    }

    private static Map<String, Class<?>> kinds(ImportResult result) {
        return result.sites().stream().collect(Collectors.toMap(ImportResult.Row::name, Object::getClass,
                (a, b) -> a, TreeMap::new));
    }

    @Test
    void adoptsTheConsistentSitesRefusesTheOthersByNameAndWritesNothingOnTheServer() throws Exception {
        var before = snapshot(server.root());

        var result = importing(false, Set.of());

        assertThat(result.sites()).filteredOn(ImportResult.Adopted.class::isInstance)
                .extracting(ImportResult.Row::name).containsExactlyInAnyOrderElementsOf(CONSISTENT);
        assertThat(result.sites()).filteredOn(ImportResult.Refused.class::isInstance)
                .extracting(ImportResult.Row::name).containsExactlyInAnyOrderElementsOf(REFUSED);
        assertThat(result.complete()).isFalse();
        assertThat(snapshot(server.root())).as("every file of the legacy server, byte for byte").isEqualTo(before);
        for (var domain : CONSISTENT) {
            assertThat(answers(server.port(domain))).as(domain + " still answers").isTrue();
            var runs = host.deployments().stateStore().runs(domain, 10);
            assertThat(runs).singleElement().satisfies(run -> assertThat(run.kind()).isEqualTo(RunKind.ADOPT));
        }
        assertThat(out.resolve(STALE_PORT + ".yaml")).doesNotExist();
    }

    @Test
    void specsNameTheirSourcesLoadAsAsIsAndNeverHoldTheRegistrysRemovedKeys() throws Exception {
        importing(false, Set.of());

        var text = Files.readString(out.resolve(LEGACY_KEYS + ".yaml"));
        assertThat(text).contains("kind: as-is", "port: " + server.port(LEGACY_KEYS) + "  # "
                + server.paths().registry().orElseThrow() + " line ");
        assertThat(text.lines().filter(line -> line.matches("\\s*[a-zA-Z]+: .*"))).allMatch(line -> line.contains(" # "));
        try (Stream<Path> specs = Files.list(out)) {
            for (var spec : specs.toList()) {
                var written = Files.readString(spec);
                REMOVED_KEYS.forEach(key -> assertThat(written).doesNotContain(key));
                REMOVED_VALUES.forEach(value -> assertThat(written).doesNotContain(value));
                assertThat(SpecLoader.create().loadSite(spec).isAsIs()).isTrue();
            }
        }
        var slug = SpecLoader.create().loadSite(out.resolve(ODD_SLUG + ".yaml")).slug();
        assertThat(slug).isNotEqualTo(dev.alive.specs.Site.slugOf(ODD_SLUG));
    }

    @Test
    void aPlanOfTheOutFolderHasNoChangesAndASecondImportAdoptsNothing() throws Exception {
        importing(false, Set.of());
        var specs = snapshot(out);
        var sites = SpecSet.load(List.of(out), dir, Map.of("PATH", System.getenv("PATH")), host.host());

        assertThat(host.deployments().plan(new PlanRequest(sites, PasswordSource.none())).hasChanges()).isFalse();

        var again = importing(false, Set.of());
        assertThat(again.sites()).filteredOn(ImportResult.AlreadyAdopted.class::isInstance)
                .extracting(ImportResult.Row::name).containsExactlyInAnyOrderElementsOf(CONSISTENT);
        assertThat(again.sites()).noneMatch(ImportResult.Adopted.class::isInstance);
        assertThat(snapshot(out)).isEqualTo(specs);
        assertThat(host.deployments().stateStore().runs(CLASSIC, 10)).hasSize(1);
    }

    @Test
    void reservesTheAdoptedPortsSoNoNewSiteGetsOne() {
        importing(false, Set.of());

        var domains = host.deployments().domain(CLASSIC);
        assertThat(domains).hasValueSatisfying(row -> assertThat(row.port()).isEqualTo(server.port(CLASSIC)));
        try (var database = dev.alive.state.AliveDatabase.open(host.host().state())) {
            for (var domain : CONSISTENT) {
                int port = server.port(domain);
                assertThatThrownBy(() -> database.domains()
                        .reserve("new.alive.test", host.host().name(), port, port, OptionalInt.empty()))
                        .as(domain).isInstanceOf(PortUnavailableException.class);
            }
        }
    }

    @Test
    void aDryRunSaysWhatWouldBeAdoptedAndChangesNothing() throws Exception {
        var result = importing(true, Set.of());

        assertThat(result.sites()).filteredOn(ImportResult.WouldAdopt.class::isInstance)
                .extracting(ImportResult.Row::name).containsExactlyInAnyOrderElementsOf(CONSISTENT);
        assertThat(result.sites()).filteredOn(ImportResult.Refused.class::isInstance)
                .extracting(ImportResult.Row::name).containsExactlyInAnyOrderElementsOf(REFUSED);
        assertThat(out).doesNotExist();
        assertThat(host.deployments().domain(CLASSIC)).isEmpty();
        assertThat(host.deployments().stateStore().runs(CLASSIC, 10)).isEmpty();
    }

    @Test
    void onlyAdoptsTheNamedSitesAndNamesOneTheServerDoesNotHave() {
        var result = importing(false, Set.of(CLASSIC, "nowhere.alive.best"));

        assertThat(kinds(result)).isEqualTo(new TreeMap<>(Map.of(CLASSIC, ImportResult.Adopted.class,
                "nowhere.alive.best", ImportResult.Refused.class)));
        assertThat(out.resolve(NEWER + ".yaml")).doesNotExist();
    }

    @Test
    void destroyRefusesAnAdoptedSiteWithoutForce() {
        importing(false, Set.of(CLASSIC));
        var site = SpecLoader.create().loadSite(out.resolve(CLASSIC + ".yaml"));

        assertThatThrownBy(() -> host.deployments().destroy(new DestroyRequest(site, ApplyOptions.defaults()),
                RunListener.NONE))
                .isInstanceOfSatisfying(AliveException.class,
                        e -> assertThat(e.category()).isEqualTo(ErrorCategory.CONFLICT))
                .hasMessageContaining("protected");
        assertThat(host.deployments().domain(CLASSIC)).isPresent();
        assertThat(answers(server.port(CLASSIC))).isTrue();
    }

    @Test
    void anEditedLiveFileIsDriftAndADisagreeingOneFailsTheApplyWithoutTouchingIt() throws Exception {
        importing(false, Set.of(CLASSIC));
        var site = SpecLoader.create().loadSite(out.resolve(CLASSIC + ".yaml"));
        var envFile = ((dev.alive.specs.SiteLayout.AsIs) site.layout()).envFile();
        var edited = Files.readString(envFile).replace("PORT=" + server.port(CLASSIC), "PORT=3998");
        Files.writeString(envFile, edited);

        var plan = host.deployments().plan(new PlanRequest(List.of(site), PasswordSource.none()));
        assertThat(plan.hasChanges()).isTrue();
        var applied = host.deployments().apply(new ApplyRequest(List.of(site), PasswordSource.none(),
                ApplyOptions.defaults()), RunListener.NONE);

        assertThat(applied.succeeded()).isFalse();
        assertThat(Files.readString(envFile)).isEqualTo(edited);
    }

    private static boolean answers(int port) {
        try {
            var connection = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/").toURL().openConnection();
            connection.setConnectTimeout(2000);
            connection.setReadTimeout(2000);
            return connection.getResponseCode() > 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** Every file under root: its mode, owner and content digest. */
    private static Map<String, String> snapshot(Path root) throws IOException {
        if (!Files.exists(root)) {
            return Map.of();
        }
        try (Stream<Path> paths = Files.walk(root)) {
            var files = new TreeMap<String, String>();
            for (var path : paths.toList()) {
                var attributes = Files.readAttributes(path, java.nio.file.attribute.PosixFileAttributes.class,
                        java.nio.file.LinkOption.NOFOLLOW_LINKS);
                var head = java.nio.file.attribute.PosixFilePermissions.toString(attributes.permissions()) + " "
                        + attributes.owner().getName() + " " + attributes.lastModifiedTime();
                files.put(root.relativize(path).toString(), attributes.isRegularFile() ? head + " " + digest(path) : head);
            }
            return files;
        }
    }

    private static String digest(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
