package dev.trafficlens.sandbox.tencent;

import dev.trafficlens.sandbox.SandboxRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parameters of a legacy API request, decoded: those of the query, then those of a POST's form body, URL-encoded
 * or {@code multipart/form-data} (what the vendor's legacy Java SDK posts). The first value of a name counts; a
 * malformed escape is kept as sent rather than failing the request.
 */
final class LegacyParameters {

    private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");
    private static final Pattern PART_NAME =
            Pattern.compile("(?i)content-disposition:\\s*form-data;\\s*name=\"([^\"]*)\"");

    private LegacyParameters() {
    }

    static Map<String, String> of(SandboxRequest request) {
        Map<String, String> parameters = new LinkedHashMap<>();
        addPairs(request.rawQuery(), parameters);
        if (!request.method().equals("POST") || request.body().length == 0) {
            return parameters;
        }
        String contentType = request.header("content-type");
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.isEmpty() || type.startsWith("application/x-www-form-urlencoded")) {
            addPairs(request.bodyText(), parameters);
        } else if (type.startsWith("multipart/form-data")) {
            addParts(request.bodyText(), contentType, parameters);
        }
        return parameters;
    }

    private static void addPairs(String encoded, Map<String, String> parameters) {
        if (encoded == null) {
            return;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            parameters.putIfAbsent(name, equals < 0 ? "" : decode(pair.substring(equals + 1)));
        }
    }

    /** Text parts only: {@code --boundary}, headers naming the part, an empty line, the value. */
    private static void addParts(String body, String contentType, Map<String, String> parameters) {
        Matcher boundary = BOUNDARY.matcher(contentType);
        if (!boundary.find()) {
            return;
        }
        for (String part : body.split(Pattern.quote("--" + boundary.group(1)))) {
            int blank = part.indexOf("\r\n\r\n");
            String headers = blank < 0 ? "" : part.substring(0, blank);
            Matcher name = PART_NAME.matcher(headers);
            if (name.find() && !headers.contains("filename=")) {
                String value = part.substring(blank + 4);
                parameters.putIfAbsent(name.group(1),
                        value.endsWith("\r\n") ? value.substring(0, value.length() - 2) : value);
            }
        }
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException badEscape) {
            return text;
        }
    }
}
