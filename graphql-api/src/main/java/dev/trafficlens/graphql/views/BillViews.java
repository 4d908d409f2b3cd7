package dev.trafficlens.graphql.views;

import dev.trafficlens.domain.billing.BillDefinition;
import dev.trafficlens.domain.billing.BillPeriod;
import dev.trafficlens.domain.billing.LinkFigures;
import dev.trafficlens.domain.billing.PeriodFigures;
import dev.trafficlens.graphql.generated.types.Bill;
import dev.trafficlens.graphql.generated.types.BillForecast;
import dev.trafficlens.graphql.generated.types.BillLinkFigures;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/** GraphQL's {@code Bill}, {@code BillPeriod}, {@code BillForecast} and {@code BillLinkFigures}, from the domain's. */
public final class BillViews {

    private BillViews() {
    }

    /** The bill's own fields; its links and periods are fetched when asked for. */
    public static Bill of(dev.trafficlens.domain.billing.Bill bill) {
        BillDefinition definition = bill.definition();
        return Bill.newBuilder()
                .id(bill.id())
                .name(definition.name())
                .model(definition.model())
                .rule(definition.rule())
                .combine(definition.combine())
                .commitBps(orNull(definition.commitBps()))
                .pricePerMbps(orNull(definition.pricePerMbps()))
                .overagePricePerMbps(orNull(definition.overagePricePerMbps()))
                .commitBytes(orNull(definition.commitBytes()))
                .pricePerGB(orNull(definition.pricePerGB()))
                .currency(definition.currency())
                .timeZone(definition.timeZone().getId())
                .periodStartDay(definition.periodStartDay())
                .createdAt(bill.createdAt())
                .build();
    }

    /** The period's figures; {@code linkNames} names the links that still exist. */
    public static dev.trafficlens.graphql.generated.types.BillPeriod of(BillPeriod period,
                                                                        Map<String, String> linkNames) {
        PeriodFigures figures = period.figures();
        return dev.trafficlens.graphql.generated.types.BillPeriod.newBuilder()
                .period(figures.period().name())
                .from(figures.period().from())
                .to(figures.period().to())
                .complete(figures.complete())
                .expectedSlots(figures.expectedSlots())
                .presentSlots(figures.presentSlots())
                .coverage(figures.coverage())
                .p95InBps(orNull(figures.p95InBps()))
                .p95OutBps(orNull(figures.p95OutBps()))
                .billedBps(orNull(figures.billedBps()))
                .rank(orNull(figures.rank()))
                .totalBytes(figures.totalBytes())
                .commitBps(orNull(figures.commitBps()))
                .overageBps(orNull(figures.overageBps()))
                .commitBytes(orNull(figures.commitBytes()))
                .overageBytes(orNull(figures.overageBytes()))
                .charge(orNull(figures.charge()))
                .forecast(figures.forecast().map(forecast -> BillForecast.newBuilder()
                        .floorBps(forecast.floorBps())
                        .ceilingBps(orNull(forecast.ceilingBps()))
                        .burstSlotsLeft(orNull(forecast.burstSlotsLeft()))
                        .projectedBps(orNull(forecast.projectedBps()))
                        .build()).orElse(null))
                .links(figures.links().stream().map(link -> of(link, linkNames.get(link.linkId()))).toList())
                .closedAt(period.closedAt().orElse(null))
                .revisedSinceClose(period.revisedSinceClose())
                .build();
    }

    private static BillLinkFigures of(LinkFigures link, String name) {
        return BillLinkFigures.newBuilder()
                .linkId(link.linkId())
                .name(name)
                .presentSlots(link.presentSlots())
                .coverage(link.coverage())
                .p95InBps(orNull(link.p95InBps()))
                .p95OutBps(orNull(link.p95OutBps()))
                .billedBps(orNull(link.billedBps()))
                .rank(orNull(link.rank()))
                .totalBytes(link.totalBytes())
                .build();
    }

    private static Double orNull(OptionalDouble value) {
        return value.isPresent() ? value.getAsDouble() : null;
    }

    private static Integer orNull(OptionalInt value) {
        return value.isPresent() ? value.getAsInt() : null;
    }
}
