package dev.trafficlens.adapters.archive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficlens.domain.model.Link;
import dev.trafficlens.domain.model.QingCloudWanAccess;
import dev.trafficlens.domain.model.TencentMnaRegion;
import dev.trafficlens.domain.model.ZenlayerPrivateConnect;
import dev.trafficlens.domain.port.out.LinkStore;
import io.vavr.control.Either;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every LinkStore on JDBC does, run against each database by a subclass. */
abstract class LinkStoreContract {

    static final Instant CREATED = Instant.parse("2026-11-02T10:15:30.123456Z");
    static final QingCloudWanAccess WAN = new QingCloudWanAccess("pek3", "wacc-1", "vpc", Optional.of("eth/0"),
            Optional.empty(), Optional.of("1"));

    abstract ArchiveDatabase database();

    LinkStore links;

    @BeforeEach
    void noLinks() {
        database().clear();
        links = new JdbcLinkStore(database().dataSource());
    }

    @Test
    void an_added_link_reads_back_by_id_by_resource_and_in_the_list() {
        Link added = links.add("Frankfurt backbone", WAN, Set.of("billing", "eu/west", "ü,;|"), CREATED).get();

        assertThat(added.id()).matches("lnk_[a-z2-7]{16}");
        assertThat(added).isEqualTo(new Link(added.id(), "Frankfurt backbone", WAN, Set.of("billing", "eu/west", "ü,;|"),
                CREATED, Optional.empty(), Optional.empty()));
        assertThat(links.byId(added.id())).contains(added);
        assertThat(links.byResource(WAN)).contains(added);
        assertThat(links.all()).containsExactly(added);
        assertThat(links.byId("lnk_none")).isEmpty();
        assertThat(links.byResource(new ZenlayerPrivateConnect("pc-9"))).isEmpty();
    }

    @Test
    void a_resource_is_one_link_and_adding_it_again_returns_the_existing_one_unchanged() {
        Link first = links.add("first", WAN, Set.of("a"), CREATED).get();

        Either<Link, Link> again = links.add("second", WAN, Set.of("b"), CREATED.plusSeconds(60));

        assertThat(again.isLeft()).isTrue();
        assertThat(again.getLeft()).isEqualTo(first);
        assertThat(links.all()).containsExactly(first);
    }

    @Test
    void links_list_oldest_first() {
        Link later = links.add("later", new ZenlayerPrivateConnect("pc-2"), Set.of(), CREATED.plusSeconds(1)).get();
        Link earlier = links.add("earlier", TencentMnaRegion.allRegions(0), Set.of(), CREATED).get();

        assertThat(links.all()).containsExactly(earlier, later);
    }

    @Test
    void an_update_changes_only_what_it_names() {
        Link link = links.add("name", WAN, Set.of("a", "b"), CREATED).get();

        Optional<Link> retagged = links.update(link.id(), Optional.empty(), Optional.of(Set.of("c")));
        Optional<Link> renamed = links.update(link.id(), Optional.of("new name"), Optional.empty());

        assertThat(retagged.orElseThrow().tags()).containsExactly("c");
        assertThat(retagged.orElseThrow().name()).isEqualTo("name");
        assertThat(renamed.orElseThrow().name()).isEqualTo("new name");
        assertThat(renamed.orElseThrow().tags()).containsExactly("c");
        assertThat(links.update("lnk_none", Optional.of("x"), Optional.empty())).isEmpty();
    }

    @Test
    void a_removed_link_is_gone_and_its_resource_free_again() {
        Link link = links.add("name", WAN, Set.of("a"), CREATED).get();

        assertThat(links.remove(link.id())).isTrue();
        assertThat(links.remove(link.id())).isFalse();
        assertThat(links.all()).isEmpty();
        assertThat(links.add("again", WAN, Set.of(), CREATED).isRight()).isTrue();
    }

    @Test
    void collection_moves_the_watermark_and_clears_the_error_a_failure_keeps_the_watermark() {
        Link link = links.add("name", WAN, Set.of(), CREATED).get();
        Instant through = Instant.parse("2026-11-03T00:00:00Z");

        links.markFailed(link.id(), "vendor said no");
        assertThat(links.byId(link.id()).orElseThrow().lastError()).contains("vendor said no");
        links.markCollected(link.id(), through);
        assertThat(links.byId(link.id()).orElseThrow().lastError()).isEmpty();
        links.markFailed(link.id(), "timed out");

        Link now = links.byId(link.id()).orElseThrow();
        assertThat(now.collectedThrough()).contains(through);
        assertThat(now.lastError()).contains("timed out");
    }
}
