package dev.trafficlens.domain.model;

/**
 * Why one query has no result. Either the query was wrong ({@link QueryProblem}, one per offending field, all
 * reported at once) or a source failed to deliver ({@link SourceFailure}). Messages never carry credentials.
 */
public sealed interface TrafficError permits QueryProblem, SourceFailure {

    ErrorKind kind();

    /** A sentence for people: what went wrong and, where it helps, what was expected. */
    String message();
}
