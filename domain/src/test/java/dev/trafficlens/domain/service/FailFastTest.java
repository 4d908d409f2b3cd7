package dev.trafficlens.domain.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficlens.domain.model.ErrorKind;
import dev.trafficlens.domain.model.QingCloudWanAccess;
import dev.trafficlens.domain.model.RateLimit;
import dev.trafficlens.domain.model.ResourceRef;
import dev.trafficlens.domain.model.Source;
import dev.trafficlens.domain.model.SourceFailure;
import dev.trafficlens.domain.model.ZenlayerPrivateConnect;
import dev.trafficlens.domain.port.in.QueryOutcome;
import dev.trafficlens.domain.port.in.TrafficQuery;
import dev.trafficlens.domain.port.out.TrafficSource;
import io.vavr.control.Either;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A call answered NOT_FOUND or UNAUTHENTICATED: the calls that would be refused alike are not sent, the query fails
 * with the vendor's own error, and the rest of the run goes on. The vendor here answers when the test says so and the
 * rate limit's clock stands still, so what is sent after each answer is exact.
 */
class FailFastTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T17:07:13Z"), ZoneOffset.UTC);
    private static final Instant NOV_1 = Instant.parse("2026-11-01T00:00:00Z");
    private static final QuerySettings UNLIMITED_RATE = QuerySettings.DEFAULTS
            .withRateLimit(Source.ZENLAYER_PRIVATE_CONNECT, RateLimit.assumedPerSecond(10_000))
            .withRateLimit(Source.QINGCLOUD_WAN, RateLimit.assumedPerSecond(10_000));

    private final ZenlayerPrivateConnect gone = new ZenlayerPrivateConnect("pc-gone");
    private final ZenlayerPrivateConnect link = new ZenlayerPrivateConnect("pc-1");
    private final HeldTrafficSource zenlayer = new HeldTrafficSource(Source.ZENLAYER_PRIVATE_CONNECT);

    @Test
    void an_unknown_link_costs_at_most_the_calls_in_flight_and_fails_with_the_errors_of_the_calls_made() {
        TrafficQueryService service = service(UNLIMITED_RATE.withMaxConcurrentCallsPerSource(3), zenlayer);

        CompletableFuture<List<QueryOutcome>> run = service.run(List.of(days(gone, 0, 20), days(link, 0, 2)))
                .toCompletableFuture();

        assertThat(zenlayer.receivedFor(gone)).hasSize(3);
        zenlayer.receivedFor(gone).get(0).fail(notFound("T-1"));
        assertThat(zenlayer.receivedFor(gone)).as("no call of the unknown link starts after its NOT_FOUND").hasSize(3);
        assertThat(zenlayer.receivedFor(link)).as("the freed place goes to the other link").hasSize(1);
        zenlayer.receivedFor(gone).get(1).fail(notFound("T-2"));
        zenlayer.receivedFor(gone).get(2).fail(notFound("T-3"));
        zenlayer.answerAllWithTraffic();

        List<QueryOutcome> outcomes = done(run);
        assertThat(zenlayer.receivedFor(gone)).hasSize(3);
        assertThat(outcomes.get(0).errors()).as("one error per call really made, none for the cancelled ones")
                .containsExactly(notFound("T-1"), notFound("T-2"), notFound("T-3"));
        assertThat(outcomes.get(0).cancelledCalls()).isEqualTo(17);
        assertThat(outcomes.get(1).isSuccess()).isTrue();
        assertThat(outcomes.get(1).cancelledCalls()).isZero();
        assertThat(zenlayer.receivedFor(link)).hasSize(2);
    }

    @Test
    void the_same_refusal_on_every_call_made_is_reported_once() {
        TrafficQueryService service = service(UNLIMITED_RATE.withMaxConcurrentCallsPerSource(4), zenlayer);

        CompletableFuture<List<QueryOutcome>> run = service.run(List.of(days(gone, 0, 20))).toCompletableFuture();
        zenlayer.unanswered().forEach(held -> held.fail(notFound("T-same")));

        QueryOutcome outcome = done(run).get(0);
        assertThat(zenlayer.received()).hasSize(4);
        assertThat(outcome.errors()).containsExactly(notFound("T-same"));
        assertThat(outcome.cancelledCalls()).isEqualTo(20 - 4);
    }

    @Test
    void a_cancelled_call_takes_no_rate_limit_permit() {
        // Four permits and a clock that stands still: two for the unknown link, two for the other one, no more.
        QuerySettings fourPermits = UNLIMITED_RATE.withMaxConcurrentCallsPerSource(2)
                .withRateLimit(Source.ZENLAYER_PRIVATE_CONNECT, new RateLimit(4, Duration.ofHours(1), false));
        TrafficQueryService service = service(fourPermits, zenlayer);

        CompletableFuture<List<QueryOutcome>> run = service.run(List.of(days(gone, 0, 10), days(link, 0, 2)))
                .toCompletableFuture();
        zenlayer.receivedFor(gone).forEach(held -> held.fail(notFound("T-1")));

        assertThat(zenlayer.receivedFor(link)).as("both calls of the other link had a permit at once").hasSize(2);
        zenlayer.answerAllWithTraffic();
        List<QueryOutcome> outcomes = done(run);
        assertThat(outcomes.get(0).cancelledCalls()).isEqualTo(8);
        assertThat(outcomes.get(1).isSuccess()).isTrue();
    }

    @Test
    void a_call_shared_by_two_queries_of_an_unknown_link_is_cancelled_for_both_with_the_real_error() {
        TrafficQueryService service = service(UNLIMITED_RATE.withMaxConcurrentCallsPerSource(2), zenlayer);
        // Days 7 to 9 are the same calls in both queries; day 10 is the second query's own.
        TrafficQuery tenDays = days(gone, 0, 10);
        TrafficQuery fourDays = days(gone, 7, 11).withKey("later");

        CompletableFuture<List<QueryOutcome>> run = service.run(List.of(tenDays, fourDays)).toCompletableFuture();
        zenlayer.received().get(0).fail(notFound("T-1"));
        zenlayer.received().get(1).fail(notFound("T-2"));

        List<QueryOutcome> outcomes = done(run);
        assertThat(zenlayer.received()).hasSize(2);
        assertThat(outcomes.get(0).errors()).containsExactly(notFound("T-1"), notFound("T-2"));
        assertThat(outcomes.get(0).cancelledCalls()).isEqualTo(8);
        assertThat(outcomes.get(1).errors()).as("the failure that showed the link unknown, though another query's call")
                .containsExactly(notFound("T-1"));
        assertThat(outcomes.get(1).cancelledCalls()).isEqualTo(4);
    }

    @Test
    void a_refused_key_cancels_every_pending_call_to_its_source_in_the_run_and_no_other_source() {
        FakeTrafficSource qingcloud = new FakeTrafficSource(0, Source.QINGCLOUD_WAN);
        TrafficQueryService service = service(UNLIMITED_RATE.withMaxConcurrentCallsPerSource(2), zenlayer, qingcloud);
        SourceFailure refused = SourceFailure.of(ErrorKind.UNAUTHENTICATED, Source.ZENLAYER_PRIVATE_CONNECT,
                "zenlayer.private-connect: Zenlayer refused the access key or its signature")
                .withVendorCode("AUTHFAILURE_INVALID_AUTHORIZATION");
        QingCloudWanAccess wan = QingCloudWanAccess.of("pek3", "wacc-1", "cpe");

        CompletableFuture<List<QueryOutcome>> run = service.run(List.of(
                days(link, 0, 5), days(new ZenlayerPrivateConnect("pc-2"), 0, 5), days(wan, 0, 2))).toCompletableFuture();
        zenlayer.unanswered().forEach(held -> held.fail(refused));

        List<QueryOutcome> outcomes = done(run);
        assertThat(zenlayer.received()).hasSize(2);
        assertThat(outcomes.get(0).errors()).containsExactly(refused);
        assertThat(outcomes.get(0).cancelledCalls()).isEqualTo(3);
        assertThat(outcomes.get(1).errors()).containsExactly(refused);
        assertThat(outcomes.get(1).cancelledCalls()).isEqualTo(5);
        assertThat(outcomes.get(2).isSuccess()).isTrue();
        assertThat(qingcloud.calls()).hasSize(2);
    }

    @Test
    void other_failures_cancel_nothing() {
        TrafficQueryService service = service(UNLIMITED_RATE.withMaxConcurrentCallsPerSource(2), zenlayer);
        SourceFailure unavailable = SourceFailure.of(ErrorKind.VENDOR_UNAVAILABLE, Source.ZENLAYER_PRIVATE_CONNECT,
                "zenlayer.private-connect: Zenlayer is temporarily unavailable");

        CompletableFuture<List<QueryOutcome>> run = service.run(List.of(days(link, 0, 6))).toCompletableFuture();
        for (List<HeldTrafficSource.Held> open = zenlayer.unanswered(); !open.isEmpty(); open = zenlayer.unanswered()) {
            open.forEach(held -> held.fail(unavailable));
        }

        QueryOutcome outcome = done(run).get(0);
        assertThat(zenlayer.received()).hasSize(6);
        assertThat(outcome.errors()).containsExactly(unavailable);
        assertThat(outcome.cancelledCalls()).isZero();
    }

    @Test
    void with_answers_arriving_on_other_threads_an_unknown_link_never_costs_more_than_the_calls_in_flight() {
        Random random = new Random(20261206);
        for (int round = 0; round < 40; round++) {
            int bound = 1 + random.nextInt(6);
            FakeTrafficSource vendor = new FakeTrafficSource(random.nextInt(3), Source.ZENLAYER_PRIVATE_CONNECT,
                    Source.QINGCLOUD_WAN).answering(call -> call.resource().equals(gone)
                            ? Either.left(notFound("T-" + call.window().from()))
                            : FakeTrafficSource.answer(call));
            TrafficQueryService service = service(UNLIMITED_RATE.withMaxConcurrentCallsPerSource(bound), vendor);
            int goneDays = 5 + random.nextInt(19);

            List<QueryOutcome> outcomes = done(service.run(List.of(days(link, 0, 3), days(gone, 0, goneDays),
                    days(QingCloudWanAccess.of("pek3", "wacc-1", "cpe"), 0, 2))).toCompletableFuture());

            long made = vendor.calls().stream().filter(call -> call.resource().equals(gone)).count();
            assertThat(made).as("round %d, %d in flight at most", round, bound).isBetween(1L, (long) bound);
            assertThat(outcomes.get(1).errors()).hasSize((int) made)
                    .allSatisfy(error -> assertThat(error.kind()).isEqualTo(ErrorKind.NOT_FOUND));
            assertThat(outcomes.get(1).cancelledCalls()).isEqualTo(goneDays - made);
            assertThat(outcomes.get(0).isSuccess()).isTrue();
            assertThat(outcomes.get(2).isSuccess()).isTrue();
        }
    }

    private static TrafficQueryService service(QuerySettings settings, TrafficSource... adapters) {
        // The rate limit's clock stands still: a permit spent is never given back within a test.
        return new TrafficQueryService(List.of(adapters), CLOCK, settings, () -> 0L);
    }

    private static TrafficQuery days(ResourceRef resource, int fromDay, int toDay) {
        return TrafficQuery.of(resource, NOV_1.plus(Duration.ofDays(fromDay)), NOV_1.plus(Duration.ofDays(toDay)));
    }

    private static SourceFailure notFound(String requestId) {
        return SourceFailure.of(ErrorKind.NOT_FOUND, Source.ZENLAYER_PRIVATE_CONNECT,
                        "zenlayer.private-connect private connect pc-gone: Zenlayer has no such private connect")
                .withVendorCode("INVALID_PRIVATE_CONNECT_NOT_FOUND").withRequestId(requestId);
    }

    private static List<QueryOutcome> done(CompletableFuture<List<QueryOutcome>> run) {
        return run.orTimeout(30, TimeUnit.SECONDS).join();
    }
}
