package dev.trafficlens.graphql.views;

import dev.trafficlens.domain.port.in.CollectionRun;
import dev.trafficlens.graphql.generated.types.CollectionFailure;
import dev.trafficlens.graphql.generated.types.Link;
import dev.trafficlens.graphql.generated.types.Provenance;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** GraphQL's {@code Link}, {@code CollectionRun} and {@code Provenance}, built from the domain's values. */
public final class LinkViews {

    private LinkViews() {
    }

    /** The link as it stands at {@code now} (its lag is measured to it). */
    public static Link of(dev.trafficlens.domain.model.Link link, Instant now) {
        return Link.newBuilder()
                .id(link.id())
                .name(link.name())
                .source(link.source().id())
                .tags(link.tags().stream().sorted().toList())
                .createdAt(link.createdAt())
                .collectedThrough(link.collectedThrough().orElse(null))
                .lagSeconds(link.collectedThrough()
                        .map(through -> Duration.between(through, now).toMillis() / 1000.0).orElse(null))
                .lastError(link.lastError().orElse(null))
                .build();
    }

    public static dev.trafficlens.graphql.generated.types.CollectionRun of(CollectionRun run) {
        List<CollectionFailure> failures = run.failures().stream().map(failure -> CollectionFailure.newBuilder()
                .linkId(failure.linkId()).code(failure.code()).message(failure.message()).build()).toList();
        return dev.trafficlens.graphql.generated.types.CollectionRun.newBuilder()
                .startedAt(run.startedAt())
                .finishedAt(run.finishedAt().orElse(null))
                .skipped(run.skipped())
                .links(run.links())
                .vendorCalls(run.vendorCalls())
                .samplesStored(saturated(run.samplesStored()))
                .samplesRevised(saturated(run.samplesRevised()))
                .failures(failures)
                .build();
    }

    static Provenance of(dev.trafficlens.domain.port.in.Provenance provenance) {
        return Provenance.newBuilder().archived(provenance.archived()).fetched(provenance.fetched())
                .missing(provenance.missing()).build();
    }

    /** GraphQL's Int is 32 bits; a count beyond it (never seen: a run is bounded by its links) reads as the most. */
    private static int saturated(long count) {
        return (int) Math.min(count, Integer.MAX_VALUE);
    }
}
