package dev.trafficlens.domain.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.trafficlens.domain.model.ErrorKind;
import dev.trafficlens.domain.model.QueryProblem;
import dev.trafficlens.domain.model.QueryWarning;
import dev.trafficlens.domain.model.Source;
import dev.trafficlens.domain.model.SourceLimits;
import dev.trafficlens.domain.model.Step;
import dev.trafficlens.domain.model.TimeWindow;
import dev.trafficlens.domain.model.WarningKind;
import io.vavr.collection.Seq;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WindowPlannerTest {

    private static final Instant NOW = Instant.parse("2026-11-25T17:07:13Z");
    private static final SourceLimits ZENLAYER = Source.ZENLAYER_PRIVATE_CONNECT.limits();

    @Test
    void splits_a_30_day_window_into_30_one_day_calls() {
        Instant midnight = Instant.parse("2026-11-26T00:00:00Z");
        TimeWindow lastThirtyDays = TimeWindow.of("2026-10-27T00:00:00Z", "2026-11-26T00:00:00Z");

        CallPlan plan = WindowPlanner.plan("zenlayer.private-connect", ZENLAYER, lastThirtyDays, Optional.empty(),
                midnight).get();

        assertThat(plan.calls()).hasSize(30);
        // The first sample sits right on the 30-day retention edge: the call starts one step later, so the vendor
        // does not refuse it when it arrives a moment after planning.
        assertThat(plan.calls().get(0)).isEqualTo(TimeWindow.of("2026-10-27T00:05:00Z", "2026-10-28T00:05:00Z"));
        assertThat(plan.calls().subList(0, 29)).allMatch(call -> call.span().equals(Duration.ofDays(1)));
        assertThat(plan.calls().get(29)).isEqualTo(TimeWindow.of("2026-11-25T00:05:00Z", "2026-11-26T00:00:00Z"));
        assertThat(plan.window()).isEqualTo(lastThirtyDays);
        assertThat(plan.step()).isEqualTo(Step.FIVE_MINUTES);
        assertThat(plan.needsResampling()).isFalse();
    }

    @Test
    void uses_the_fewest_calls_the_span_allows() {
        TimeWindow fiveDays = TimeWindow.of("2026-11-01T12:00:00Z", "2026-11-06T12:00:00Z");

        assertThat(plan(Source.TENCENT_VPN_CONNECTION, fiveDays, Optional.empty()).get().calls()).hasSize(3);
        assertThat(plan(Source.TENCENT_MNA_REGION, fiveDays, Optional.empty()).get().calls()).hasSize(1);
    }

    @Test
    void widens_an_unaligned_window_to_the_step_grid() {
        TimeWindow ragged = TimeWindow.of("2026-11-20T10:03:00Z", "2026-11-20T11:01:00Z");

        CallPlan plan = plan(Source.ZENLAYER_PRIVATE_CONNECT, ragged, Optional.empty()).get();

        assertThat(plan.window()).isEqualTo(TimeWindow.of("2026-11-20T10:00:00Z", "2026-11-20T11:05:00Z"));
        assertThat(plan.calls()).containsExactly(plan.window());
    }

    @Test
    void fetches_the_coarsest_native_step_that_divides_the_requested_one() {
        TimeWindow day = TimeWindow.of("2026-11-20T00:00:00Z", "2026-11-21T00:00:00Z");

        CallPlan twoHourly = plan(Source.TENCENT_MNA_REGION, day, Optional.of(Step.TWO_HOURS)).get();
        CallPlan quarterHourly = plan(Source.TENCENT_MNA_REGION, day, Optional.of(Step.FIFTEEN_MINUTES)).get();

        assertThat(twoHourly.fetchStep()).isEqualTo(Step.ONE_HOUR);
        assertThat(quarterHourly.fetchStep()).isEqualTo(Step.FIVE_MINUTES);
        assertThat(twoHourly.needsResampling()).isTrue();
    }

    @Test
    void a_step_finer_than_the_source_is_an_invalid_query() {
        TimeWindow day = TimeWindow.of("2026-11-20T00:00:00Z", "2026-11-21T00:00:00Z");

        Seq<QueryProblem> problems = plan(Source.ZENLAYER_CLOUD_ROUTER, day, Optional.of(Step.ONE_MINUTE)).getError();

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.field()).isEqualTo("step");
            assertThat(problem.kind()).isEqualTo(ErrorKind.INVALID_QUERY);
            assertThat(problem.message()).contains("zenlayer.cloud-router", "finer than 5m", "got 1m");
        });
    }

    @Test
    void a_window_beyond_retention_is_out_of_retention_and_every_problem_is_reported() {
        TimeWindow old = TimeWindow.of("2026-09-01T00:00:00Z", "2026-09-02T00:00:00Z");

        Seq<QueryProblem> problems = plan(Source.ZENLAYER_PRIVATE_CONNECT, old, Optional.of(Step.ONE_MINUTE)).getError();

        assertThat(problems).extracting(QueryProblem::field).containsExactly("step", "from");
        assertThat(problems.get(1).kind()).isEqualTo(ErrorKind.OUT_OF_RETENTION);
        assertThat(problems.get(1).message()).contains("keeps 30 days", "on or after 2026-10-26T17:07:13Z");
    }

    @Test
    void does_not_call_for_the_future_or_past_retention_and_leaves_those_slots_to_be_reported_missing() {
        TimeWindow lastThirtyDays = new TimeWindow(NOW.minus(Duration.ofDays(30)), NOW.plus(Duration.ofHours(1)));

        CallPlan plan = plan(Source.ZENLAYER_PRIVATE_CONNECT, lastThirtyDays, Optional.empty()).get();

        assertThat(plan.window().from()).isEqualTo(Instant.parse("2026-10-26T17:05:00Z"));
        assertThat(plan.calls().get(0).from()).isEqualTo(Instant.parse("2026-10-26T17:10:00Z"));
        assertThat(plan.calls().get(plan.calls().size() - 1).to()).isEqualTo(Instant.parse("2026-11-25T17:10:00Z"));
    }

    @Test
    void a_rolling_window_past_the_retention_edge_is_answered_in_part_with_a_warning() {
        // A "last 30 days" window computed an hour ago now starts an hour before the edge.
        TimeWindow staleThirtyDays = new TimeWindow(NOW.minus(Duration.ofDays(30)).minus(Duration.ofHours(1)),
                NOW.minus(Duration.ofHours(1)));

        CallPlan plan = plan(Source.ZENLAYER_PRIVATE_CONNECT, staleThirtyDays, Optional.empty()).get();

        assertThat(plan.window().from()).isEqualTo(Instant.parse("2026-10-26T16:05:00Z"));
        assertThat(plan.calls().get(0).from()).isEqualTo(Instant.parse("2026-10-26T17:10:00Z"));
        assertThat(plan.warnings()).singleElement().satisfies(warning -> {
            assertThat(warning.kind()).isEqualTo(WarningKind.PARTIAL_RETENTION);
            assertThat(warning.slots()).isEqualTo(TimeWindow.of("2026-10-26T16:05:00Z", "2026-10-26T17:10:00Z"));
            assertThat(warning.message()).isEqualTo("zenlayer.private-connect keeps 30 days of data: the 13 samples"
                    + " at 5m from 2026-10-26T16:05:00Z to 2026-10-26T17:10:00Z lie before its oldest sample and are"
                    + " reported missing");
        });
    }

    @Test
    void slots_after_the_present_are_named_in_a_warning() {
        TimeWindow today = TimeWindow.of("2026-11-25T00:00:00Z", "2026-11-26T00:00:00Z");

        CallPlan plan = plan(Source.QINGCLOUD_WAN, today, Optional.empty()).get();

        assertThat(plan.calls()).containsExactly(TimeWindow.of("2026-11-25T00:00:00Z", "2026-11-25T17:10:00Z"));
        assertThat(plan.warnings()).singleElement().satisfies(warning -> {
            assertThat(warning.kind()).isEqualTo(WarningKind.FUTURE_SLOTS);
            assertThat(warning.slots()).isEqualTo(TimeWindow.of("2026-11-25T17:10:00Z", "2026-11-26T00:00:00Z"));
            assertThat(warning.message()).contains("the 82 samples at 5m", "after the present (2026-11-25T17:07:13Z)");
        });
    }

    @Test
    void a_window_the_vendor_can_answer_whole_has_no_warning() {
        TimeWindow yesterday = TimeWindow.of("2026-11-24T00:00:00Z", "2026-11-25T00:00:00Z");

        assertThat(plan(Source.ZENLAYER_CLOUD_ROUTER, yesterday, Optional.empty()).get().warnings()).isEmpty();
    }

    @Test
    void only_a_window_with_nothing_left_inside_retention_is_refused() {
        // The oldest slot a call may ask for starts at 17:10 thirty days ago (edge plus margin, on the grid).
        Instant firstAnswerable = Instant.parse("2026-10-26T17:10:00Z");

        var endingAtTheEdge = plan(Source.ZENLAYER_PRIVATE_CONNECT,
                new TimeWindow(firstAnswerable.minus(Duration.ofDays(1)), firstAnswerable), Optional.empty());
        var oneSlotInside = plan(Source.ZENLAYER_PRIVATE_CONNECT,
                new TimeWindow(firstAnswerable.minus(Duration.ofDays(1)), firstAnswerable.plus(Duration.ofMinutes(5))),
                Optional.empty());

        assertThat(endingAtTheEdge.getError()).singleElement()
                .satisfies(problem -> assertThat(problem.kind()).isEqualTo(ErrorKind.OUT_OF_RETENTION));
        assertThat(oneSlotInside.get().calls())
                .containsExactly(new TimeWindow(firstAnswerable, firstAnswerable.plus(Duration.ofMinutes(5))));
        assertThat(oneSlotInside.get().warnings()).extracting(QueryWarning::kind)
                .containsExactly(WarningKind.PARTIAL_RETENTION);
    }

    @Test
    void a_window_starting_in_the_future_is_invalid() {
        TimeWindow tomorrow = new TimeWindow(NOW.plus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(2)));

        assertThat(plan(Source.QINGCLOUD_WAN, tomorrow, Optional.empty()).getError())
                .extracting(QueryProblem::field).containsExactly("from");
    }

    @Test
    void planned_calls_cover_the_answerable_window_exactly_once_and_none_exceeds_the_span() {
        List<Source> sources = List.of(Source.values());
        qt().withFixedSeed(2026_11_25L).withExamples(2000)
                .forAll(integers().between(0, sources.size() - 1),
                        longs().between(0, 60L * 24 * 60),        // start, minutes before now
                        longs().between(1, 40L * 24 * 60),        // length in minutes
                        integers().between(0, 6))                 // index into a few steps
                .checkAssert((sourceIndex, minutesAgo, minutes, stepIndex) -> {
                    Source source = sources.get(sourceIndex);
                    Step step = List.of(Step.ONE_MINUTE, Step.FIVE_MINUTES, Step.FIFTEEN_MINUTES, Step.ONE_HOUR,
                            Step.TWO_HOURS, Step.ONE_DAY, Step.FIVE_MINUTES).get(stepIndex);
                    Instant from = NOW.minus(Duration.ofMinutes(minutesAgo)).minusSeconds(1);
                    TimeWindow requested = new TimeWindow(from, from.plus(Duration.ofMinutes(minutes)));
                    var planned = plan(source, requested, Optional.of(step));
                    if (planned.isInvalid()) {
                        return;
                    }
                    CallPlan plan = planned.get();
                    SourceLimits limits = source.limits();
                    assertThat(plan.window().from()).isBeforeOrEqualTo(requested.from());
                    assertThat(plan.window().to()).isAfterOrEqualTo(requested.to());
                    assertThat(plan.window().isAlignedTo(step)).isTrue();
                    Instant expectedEnd = min(plan.window().to(), plan.fetchStep().ceil(NOW));
                    Instant cursor = plan.calls().isEmpty() ? expectedEnd : plan.calls().get(0).from();
                    assertThat(cursor).isAfterOrEqualTo(plan.window().from());
                    limits.retention().ifPresent(kept ->
                            assertThat(plan.calls()).allMatch(call -> !call.from().isBefore(NOW.minus(kept)))); 
                    for (TimeWindow call : plan.calls()) {
                        assertThat(call.from()).as("calls are contiguous and in order").isEqualTo(cursor);
                        assertThat(call.span()).isLessThanOrEqualTo(limits.maxSpanPerCall());
                        assertThat(call.isAlignedTo(plan.fetchStep())).isTrue();
                        cursor = call.to();
                    }
                    assertThat(cursor).as("the last call ends where the answerable window does").isEqualTo(expectedEnd);
                    Instant answerableFrom = plan.calls().isEmpty() ? expectedEnd : plan.calls().get(0).from();
                    long unanswered = 0;
                    for (QueryWarning warning : plan.warnings()) {
                        unanswered += warning.slots().span().getSeconds();
                        assertThat(warning.slots().from()).isEqualTo(warning.kind() == WarningKind.PARTIAL_RETENTION
                                ? plan.window().from() : expectedEnd);
                    }
                    assertThat(unanswered).as("warnings name every slot no call asks for")
                            .isEqualTo(plan.window().span().getSeconds()
                                    - Duration.between(answerableFrom, expectedEnd).getSeconds());
                    long fewest = (long) Math.ceil((double) Duration.between(
                            plan.calls().isEmpty() ? expectedEnd : plan.calls().get(0).from(), expectedEnd).getSeconds()
                            / limits.maxSpanPerCall().getSeconds());
                    assertThat(plan.calls()).hasSize((int) fewest);
                });
    }

    private static io.vavr.control.Validation<Seq<QueryProblem>, CallPlan> plan(
            Source source, TimeWindow window, Optional<Step> step) {
        return WindowPlanner.plan(source.id(), source.limits(), window, step, NOW);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
