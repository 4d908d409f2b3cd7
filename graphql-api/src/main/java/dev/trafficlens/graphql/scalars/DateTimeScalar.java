package dev.trafficlens.graphql.scalars;

import com.netflix.graphql.dgs.DgsScalar;
import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** {@code DateTime}: an ISO-8601 instant, written in UTC ({@code 2026-11-01T00:00:00Z}); offsets are accepted on input. */
@DgsScalar(name = "DateTime")
public class DateTimeScalar implements Coercing<Instant, String> {

    private static final String EXPECTED = "expected an ISO-8601 date-time with offset, e.g. 2026-11-01T00:00:00Z";

    @Override
    public String serialize(Object value, GraphQLContext context, Locale locale) {
        if (value instanceof Instant instant) {
            return DateTimeFormatter.ISO_INSTANT.format(instant);
        }
        throw new CoercingSerializeException("DateTime: expected an Instant, got " + value);
    }

    @Override
    public Instant parseValue(Object input, GraphQLContext context, Locale locale) {
        return parse(input, CoercingParseValueException::new);
    }

    @Override
    public Instant parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
        if (input instanceof StringValue string) {
            return parse(string.getValue(), CoercingParseLiteralException::new);
        }
        throw new CoercingParseLiteralException(EXPECTED + ", got " + input.getClass().getSimpleName());
    }

    /** The instant as a query's literal, so a client writing its query with the generated API can inline it. */
    @Override
    public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
        return StringValue.of(serialize(input, context, locale));
    }

    private static <E extends RuntimeException> Instant parse(
            Object input, java.util.function.Function<String, E> failure) {
        if (!(input instanceof String text)) {
            throw failure.apply(EXPECTED + ", got " + input);
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException e) {
            throw failure.apply(EXPECTED + ", got \"" + text + "\"");
        }
    }
}
