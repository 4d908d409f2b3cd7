package dev.trafficlens.graphql.scalars;

import com.netflix.graphql.dgs.DgsScalar;
import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import java.util.Locale;

/**
 * {@code SampleValues}: a series' values as one JSON array of numbers and nulls ({@link SampleValues}). A scalar
 * rather than {@code [Float]} so that a month of samples is handed to Jackson in one piece instead of being completed
 * element by element; the JSON is the same. It is an output type: nothing reads it from a query.
 */
@DgsScalar(name = "SampleValues")
public class SampleValuesScalar implements Coercing<SampleValues, SampleValues> {

    private static final String OUTPUT_ONLY =
            "SampleValues is an output type (a series' values); no argument or variable takes it";

    @Override
    public SampleValues serialize(Object value, GraphQLContext context, Locale locale) {
        if (!(value instanceof SampleValues values)) {
            throw new CoercingSerializeException("SampleValues: expected a series' values, got "
                    + (value == null ? "null" : value.getClass().getSimpleName()));
        }
        int nonFinite = values.firstNonFinite();
        if (nonFinite >= 0) {
            // Float refuses non-finite values too (GraphQL spec); JSON has no way to write them.
            throw new CoercingSerializeException("SampleValues: values[" + nonFinite + "] is " + values.get(nonFinite)
                    + ", expected a finite number or null");
        }
        return values;
    }

    @Override
    public SampleValues parseValue(Object input, GraphQLContext context, Locale locale) {
        throw new CoercingParseValueException(OUTPUT_ONLY);
    }

    @Override
    public SampleValues parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
        throw new CoercingParseLiteralException(OUTPUT_ONLY);
    }
}
