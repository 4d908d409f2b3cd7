package dev.trafficlens.graphql.web;

import dev.trafficlens.domain.billing.Bill;
import dev.trafficlens.domain.billing.BillPeriod;
import dev.trafficlens.domain.billing.LinkFigures;
import dev.trafficlens.domain.billing.PeriodFigures;
import dev.trafficlens.domain.model.Link;
import dev.trafficlens.domain.model.Metric;
import dev.trafficlens.domain.model.QueryProblem;
import dev.trafficlens.domain.model.Step;
import dev.trafficlens.domain.model.TimeWindow;
import dev.trafficlens.domain.model.TrafficSeries;
import dev.trafficlens.graphql.config.ArchiveUnavailable;
import dev.trafficlens.graphql.config.BillBook;
import dev.trafficlens.graphql.config.LinkDirectory;
import io.vavr.control.Validation;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.databind.json.JsonMapper;

/**
 * CSV exports for disputes (RFC 4180: CRLF line ends, a header row, fields quoted where they hold a comma, quote or
 * line break). Both need a VIEWER's token where tokens are configured, as every path not made public does.
 * <ul>
 * <li>{@code GET /bills/{id}/periods/{period}.csv}: the period's figures as {@code Bill.period} shows them, one row
 * per link and a total row, with the nearest rank each billed figure was taken at;</li>
 * <li>{@code GET /links/{id}/samples.csv?from=…&to=…}: the link's archived 5-minute samples in and out (bit/s, or
 * bytes for a source that reports volumes), blank where there is none. Written a day at a time as read, so a long
 * window never sits in memory; the archive failing mid-way ends the response early, its status already sent.</li>
 * </ul>
 * A bad request is a JSON object naming the parameter ({@code field}) and what was expected, with status 400; an
 * unknown bill or link 404; the archive off or unreachable 503.
 */
@RestController
public class CsvExports {

    /** The longest window of samples one export streams: a little over a year, enough for any billing dispute. */
    static final Duration MAX_SAMPLES_WINDOW = Duration.ofDays(400);
    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Step SLOT = Step.FIVE_MINUTES;
    private static final Duration DAY = Duration.ofDays(1);
    static final List<String> PERIOD_HEADER = List.of("row", "link_id", "name", "present_slots", "coverage",
            "p95_in_bps", "p95_out_bps", "billed_bps", "rank", "total_bytes", "commit_bps", "overage_bps",
            "commit_bytes", "overage_bytes", "charge", "currency");

    private final BillBook bills;
    private final LinkDirectory links;

    public CsvExports(BillBook bills, LinkDirectory links) {
        this.bills = bills;
        this.links = links;
    }

    @GetMapping("/bills/{id}/periods/{period}.csv")
    public ResponseEntity<StreamingResponseBody> period(@PathVariable String id, @PathVariable String period) {
        try {
            Bill bill = bills.byId(id).orElse(null);
            if (bill == null) {
                return problem(HttpStatus.NOT_FOUND, QueryProblem.notFound("id", "no bill has id \"" + id + "\""));
            }
            Validation<QueryProblem, BillPeriod> computed = bills.period(bill, period);
            if (computed.isInvalid()) {
                return problem(HttpStatus.BAD_REQUEST, computed.getError());
            }
            Map<String, String> names = links.all().stream().collect(Collectors.toMap(Link::id, Link::name));
            PeriodFigures figures = computed.get().figures();
            String currency = bill.definition().currency();
            StreamingResponseBody body = out -> {
                Writer writer = writer(out);
                row(writer, PERIOD_HEADER);
                for (LinkFigures link : figures.links()) {
                    row(writer, List.of("link", link.linkId(), text(names.getOrDefault(link.linkId(), "")),
                            Integer.toString(link.presentSlots()), number(link.coverage()), number(link.p95InBps()),
                            number(link.p95OutBps()), number(link.billedBps()), number(link.rank()),
                            number(link.totalBytes()), "", "", "", "", "", ""));
                }
                row(writer, List.of("total", "", text(bill.definition().name()), Integer.toString(figures.presentSlots()),
                        number(figures.coverage()), number(figures.p95InBps()), number(figures.p95OutBps()),
                        number(figures.billedBps()), number(figures.rank()), number(figures.totalBytes()),
                        number(figures.commitBps()), number(figures.overageBps()), number(figures.commitBytes()),
                        number(figures.overageBytes()), number(figures.charge()),
                        figures.charge().isPresent() ? currency : ""));
                writer.flush();
            };
            return csv(bill.id() + "-" + figures.period().name() + ".csv", body);
        } catch (ArchiveUnavailable unavailable) {
            return unavailable(unavailable);
        }
    }

    @GetMapping("/links/{id}/samples.csv")
    public ResponseEntity<StreamingResponseBody> samples(@PathVariable String id, @RequestParam(required = false) String from,
                                     @RequestParam(required = false) String to) {
        List<QueryProblem> problems = new ArrayList<>();
        Instant start = instant("from", from, problems);
        Instant end = instant("to", to, problems);
        if (start != null && end != null) {
            if (!end.isAfter(start)) {
                problems.add(QueryProblem.invalid("to", "expected a time after from (" + start + "), got " + end));
            } else if (Duration.between(start, end).compareTo(MAX_SAMPLES_WINDOW) > 0) {
                problems.add(QueryProblem.invalid("to", "expected at most " + MAX_SAMPLES_WINDOW.toDays()
                        + " days after from, got " + Duration.between(start, end).toDays() + " days"));
            }
        }
        if (!problems.isEmpty()) {
            return problems(HttpStatus.BAD_REQUEST, problems);
        }
        try {
            Link link = links.byId(id).orElse(null);
            if (link == null) {
                return problem(HttpStatus.NOT_FOUND, QueryProblem.notFound("id", "no link has id \"" + id + "\""));
            }
            Set<Metric> reported = link.source().limits().metrics();
            boolean rates = reported.containsAll(Set.of(Metric.BITRATE_IN, Metric.BITRATE_OUT));
            Metric in = rates ? Metric.BITRATE_IN : Metric.VOLUME_IN;
            Metric out = rates ? Metric.BITRATE_OUT : Metric.VOLUME_OUT;
            String unit = rates ? "bps" : "bytes";
            StreamingResponseBody body = stream -> {
                Writer writer = writer(stream);
                row(writer, List.of("time", "in_" + unit, "out_" + unit));
                for (Instant day = start; day.isBefore(end); day = day.plus(DAY)) {
                    Instant dayEnd = day.plus(DAY).isBefore(end) ? day.plus(DAY) : end;
                    Map<Metric, TrafficSeries> read = links.archivedSamples(link, Set.of(in, out),
                            new TimeWindow(day, dayEnd));
                    TrafficSeries ins = read.get(in);
                    TrafficSeries outs = read.get(out);
                    for (int i = 0; i < ins.size(); i++) {
                        row(writer, List.of(ins.timeAt(i).toString(), sample(ins, i), sample(outs, i)));
                    }
                    writer.flush();
                }
            };
            return csv(link.id() + "-samples-" + start.toString().replace(":", "") + "-"
                    + end.toString().replace(":", "") + ".csv", body);
        } catch (ArchiveUnavailable unavailable) {
            return unavailable(unavailable);
        }
    }

    private static Instant instant(String field, String text, List<QueryProblem> problems) {
        if (text == null || text.isBlank()) {
            problems.add(QueryProblem.invalid(field, "expected an ISO-8601 instant such as 2026-11-01T00:00:00Z"));
            return null;
        }
        Instant parsed;
        try {
            parsed = Instant.parse(text);
        } catch (DateTimeParseException unparsable) {
            problems.add(QueryProblem.invalid(field, "expected an ISO-8601 instant such as 2026-11-01T00:00:00Z, got \""
                    + clipped(text) + "\""));
            return null;
        }
        if (!SLOT.isAligned(parsed)) {
            problems.add(QueryProblem.invalid(field, "expected a time on the 5-minute grid the samples lie on "
                    + "(such as 2026-11-01T00:05:00Z), got " + parsed));
            return null;
        }
        return parsed;
    }

    private static String clipped(String text) {
        return text.length() > 64 ? text.substring(0, 64) + "…" : text;
    }

    private static String sample(TrafficSeries series, int index) {
        return series.isPresent(index) ? Double.toString(series.valueAt(index)) : "";
    }

    private static Writer writer(java.io.OutputStream out) {
        return new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    }

    /** One RFC 4180 record. */
    static void row(Writer writer, List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                writer.write(',');
            }
            writer.write(quoted(fields.get(i)));
        }
        writer.write("\r\n");
    }

    /**
     * A user's text (a bill's or a link's name) as a cell that a spreadsheet shows rather than runs: one starting
     * with {@code = + - @}, a tab or a carriage return is a formula to Excel and LibreOffice, so it gets a leading
     * apostrophe (OWASP's advice against CSV injection). Figures are written as they are.
     */
    static String text(String value) {
        return !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    static String quoted(String field) {
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\r') < 0 && field.indexOf('\n') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }

    private static String number(double value) {
        return Double.toString(value);
    }

    private static String number(OptionalDouble value) {
        return value.isPresent() ? Double.toString(value.getAsDouble()) : "";
    }

    private static String number(OptionalInt value) {
        return value.isPresent() ? Integer.toString(value.getAsInt()) : "";
    }

    private static ResponseEntity<StreamingResponseBody> csv(String filename, StreamingResponseBody body) {
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(filename).build().toString())
                .body(body);
    }

    private static ResponseEntity<StreamingResponseBody> problem(HttpStatus status, QueryProblem problem) {
        return problems(status, List.of(problem));
    }

    private static ResponseEntity<StreamingResponseBody> problems(HttpStatus status, List<QueryProblem> problems) {
        List<Map<String, Object>> errors = problems.stream().map(problem -> {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("code", problem.kind().name());
            error.put("field", problem.field());
            error.put("message", problem.field() + ": " + problem.message());
            return error;
        }).toList();
        return json(status, Map.of("errors", errors));
    }

    private static ResponseEntity<StreamingResponseBody> unavailable(ArchiveUnavailable unavailable) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", unavailable.code());
        error.put("message", unavailable.getMessage());
        return json(HttpStatus.SERVICE_UNAVAILABLE, Map.of("errors", List.of(error)));
    }

    /** A JSON answer: the handler's one return type is a streamed body, so the errors are streamed too. */
    private static ResponseEntity<StreamingResponseBody> json(HttpStatus status, Map<String, Object> body) {
        byte[] bytes = JSON.writeValueAsBytes(body);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(out -> out.write(bytes));
    }
}
