package dev.trafficlens.graphql.scalars;

import dev.trafficlens.domain.model.TrafficSeries;
import java.util.AbstractList;
import java.util.RandomAccess;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.annotation.JsonSerialize;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * GraphQL's {@code SampleValues}: a series' values, one per step from its start, {@code null} where no sample was
 * taken. It reads the series' own array (no copy, no boxing until asked) and is written by {@link Writer} as one JSON
 * array, number by number as Jackson writes a {@code Double}: the bytes a {@code [Float]} list of the same values gave,
 * without graphql-java completing each element. To code that reads an {@code ExecutionResult} it is a
 * {@code List<Double>} with nulls.
 */
@JsonSerialize(using = SampleValues.Writer.class)
public final class SampleValues extends AbstractList<Double> implements RandomAccess {

    private final TrafficSeries series;

    public SampleValues(TrafficSeries series) {
        this.series = series;
    }

    @Override
    public Double get(int index) {
        return series.isPresent(index) ? series.valueAt(index) : null;
    }

    @Override
    public int size() {
        return series.size();
    }

    /** The first slot holding a value JSON cannot carry (an infinity), or -1. */
    int firstNonFinite() {
        for (int i = 0; i < series.size(); i++) {
            if (Double.isInfinite(series.valueAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Writes the values as a JSON array of numbers and nulls. Jackson honours a class's own serializer before it looks
     * at the class as a list, so this is used wherever the value sits in a response.
     */
    static final class Writer extends StdSerializer<SampleValues> {

        Writer() {
            super(SampleValues.class);
        }

        @Override
        public void serialize(SampleValues values, JsonGenerator json, SerializationContext context) {
            TrafficSeries series = values.series;
            int size = series.size();
            json.writeStartArray(values, size);
            for (int i = 0; i < size; i++) {
                double value = series.valueAt(i);
                if (Double.isNaN(value)) {
                    json.writeNull();
                } else {
                    json.writeNumber(value);
                }
            }
            json.writeEndArray();
        }
    }
}
