package dev.trafficlens.graphql.views;

import dev.trafficlens.domain.model.Direction;
import dev.trafficlens.domain.model.Quantity;
import dev.trafficlens.domain.model.TrafficSeries;
import dev.trafficlens.graphql.generated.types.Point;
import dev.trafficlens.graphql.scalars.SampleValues;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * GraphQL's {@code Series}: a domain series read field by field, and whether trafficlens {@code derived} it rather
 * than the vendor serving it; {@code stats} is resolved by {@code SeriesDataFetcher}.
 */
public record SeriesView(TrafficSeries series, boolean derived) {

    public Direction direction() {
        return series.metric().direction();
    }

    public Quantity quantity() {
        return series.metric().quantity();
    }

    public String unit() {
        return series.unit();
    }

    public String step() {
        return series.step().label();
    }

    public Instant start() {
        return series.start();
    }

    public SampleValues values() {
        return new SampleValues(series);
    }

    public List<Point> points() {
        List<Point> points = new ArrayList<>(series.presentCount());
        for (int i = 0; i < series.size(); i++) {
            if (series.isPresent(i)) {
                points.add(Point.newBuilder().time(series.timeAt(i)).value(series.valueAt(i)).build());
            }
        }
        return points;
    }
}
