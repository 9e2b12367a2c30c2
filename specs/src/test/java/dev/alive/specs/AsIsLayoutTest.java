package dev.alive.specs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The as-is layout of an adopted site: read with every place, and refused with file:line when wrong. */
class AsIsLayoutTest {

    static final String AS_IS = """
            apiVersion: alive/v1
            kind: Site
            domain: shop.alive.best
            port: 3401
            layout:
              kind: as-is
              slug: shop-alive-best
              workspace: /srv/webalive/sites/shop.alive.best
              appDir: /srv/webalive/sites/shop.alive.best/user
              unit: site@shop-alive-best.service
              unitsDir: /etc/systemd/system
              envFile: /etc/sites/shop-alive-best.env
              user: site-shop-alive-best
              caddyfile: /root/alive/Caddyfile
            """;

    @TempDir
    Path dir;

    @Test
    void readsAnAdoptedSiteWithItsPlacesAndNoOwner() {
        Site site = new SpecFolder(dir).load(AS_IS);

        assertThat(site.isAsIs()).isTrue();
        assertThat(site.layout()).isEqualTo(new SiteLayout.AsIs("shop-alive-best",
                Path.of("/srv/webalive/sites/shop.alive.best"), Path.of("/srv/webalive/sites/shop.alive.best/user"),
                "site@shop-alive-best.service", Path.of("/etc/systemd/system"), Path.of("/etc/sites/shop-alive-best.env"),
                "site-shop-alive-best", Path.of("/root/alive/Caddyfile")));
        assertThat(site.port()).isEqualTo(new Site.Port.Fixed(3401));
        assertThat(site.declaredOwner()).isEmpty();
        assertThat(site.template()).isEqualTo(Path.of("/srv/webalive/sites/shop.alive.best/user"));
        assertThat(site.slug()).isEqualTo("shop-alive-best");
    }

    @Test
    void aSlugOfTheOtherRuleIsKeptAsRead() {
        Site site = new SpecFolder(dir).load(AS_IS.replace("slug: shop-alive-best", "slug: shop-alive-best-x")
                .replace("site@shop-alive-best.service", "site@shop-alive-best-x.service"));

        assertThat(site.slug()).isEqualTo("shop-alive-best-x").isNotEqualTo(Site.slugOf(site.domain()));
    }

    @Test
    void anOwnerMayBeNamed() {
        Site site = new SpecFolder(dir).load(AS_IS + "owner: {email: ann@example.com}\n");

        assertThat(site.declaredOwner()).contains(new Site.Owner("ann@example.com", "ann@example.com's Organization"));
    }

    @Test
    void refusesATemplateAutoPortAndAWrongInstanceWithTheirLines() {
        String yaml = AS_IS.replace("port: 3401", "port: auto")
                .replace("unit: site@shop-alive-best.service", "unit: site@other.service") + "template: ./t\n";

        assertThatThrownBy(() -> new SpecFolder(dir).load(yaml))
                .hasMessageContaining("site.yaml:4:7: port of an as-is site must be the number it runs on, not auto")
                .hasMessageContaining("site.yaml:10:3: layout.unit 'site@other.service' is not the instance of slug"
                        + " shop-alive-best; write unit: site@shop-alive-best.service")
                .hasMessageContaining("site.yaml:15:1: template belongs to layout kind: releases");
    }

    @Test
    void refusesARelativePathAndAnUnknownKind() {
        assertThatThrownBy(() -> new SpecFolder(dir).load(AS_IS.replace("envFile: /etc/sites", "envFile: etc/sites")))
                .hasMessageContaining("site.yaml:12:12: layout.envFile 'etc/sites/shop-alive-best.env' must be an"
                        + " absolute path");
        assertThatThrownBy(() -> new SpecFolder(dir).load(AS_IS.replace("kind: as-is", "kind: asis")))
                .hasMessageContaining("site.yaml:6:9: layout.kind 'asis' is unknown; write releases or as-is");
    }

    @Test
    void releasesIsTheDefaultAndTakesNoPlaces() {
        Site site = new SpecFolder(dir).load(SpecFolder.VALID + "layout: {kind: releases}\n");

        assertThat(site.layout()).isEqualTo(new SiteLayout.Releases());
        assertThat(site.declaredOwner()).isEqualTo(Optional.of(site.owner()));
        assertThatThrownBy(() -> new SpecFolder(dir).load(SpecFolder.VALID
                + "layout: {kind: releases, slug: x}\n"))
                .hasMessageContaining("layout.slug belongs to kind: as-is");
    }
}
