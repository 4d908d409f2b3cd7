package dev.trafficlens.sandbox.qingcloud;

import dev.trafficlens.sandbox.SandboxRequest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The parameters of one IaaS request, decoded: the query of a GET, or the query and form body of a POST. QingCloud
 * signs the parameters, not the bytes sent, so they are decoded here and encoded again canonically for the check.
 */
final class RequestParameters {

    private final Map<String, String> values;

    private RequestParameters(Map<String, String> values) {
        this.values = values;
    }

    /** The request's parameters, or the reason they cannot be read (a bad escape, a name given twice). */
    static Result read(SandboxRequest request) {
        Map<String, String> values = new LinkedHashMap<>();
        try {
            addAll(values, request.rawQuery());
            if (isForm(request)) {
                addAll(values, request.bodyText());
            }
        } catch (IllegalArgumentException unreadable) {
            return new Result(Optional.empty(), Optional.of(unreadable.getMessage()));
        }
        return new Result(Optional.of(new RequestParameters(values)), Optional.empty());
    }

    /** Just the resource named, for fault rules: empty when there is none or the request cannot be read. */
    static String resourceOf(SandboxRequest request) {
        return read(request).parameters()
                .map(parameters -> parameters.get("resource"))
                .orElse("");
    }

    /** Either the parameters or what is wrong with the request's encoding. */
    record Result(Optional<RequestParameters> parameters, Optional<String> problem) {
    }

    String get(String name) {
        return values.get(name);
    }

    Map<String, String> all() {
        return Collections.unmodifiableMap(values);
    }

    private static boolean isForm(SandboxRequest request) {
        String contentType = request.header("Content-Type");
        return "POST".equalsIgnoreCase(request.method()) && contentType != null
                && contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }

    private static void addAll(Map<String, String> values, String encoded) {
        if (encoded == null || encoded.isEmpty()) {
            return;
        }
        for (String pair : encoded.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals), false);
            boolean isSignature = name.equals("signature");
            // A Base64 signature may arrive with a raw '+'; everywhere else '+' is a form-encoded space.
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1), isSignature);
            if (values.putIfAbsent(name, value) != null) {
                throw new IllegalArgumentException("parameter [" + name + "] is given more than once");
            }
        }
    }

    private static String decode(String text, boolean plusIsPlus) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                if (i + 2 >= text.length() || hex(text.charAt(i + 1)) < 0 || hex(text.charAt(i + 2)) < 0) {
                    throw new IllegalArgumentException("bad percent-encoding in [" + text + "]");
                }
                bytes.write(hex(text.charAt(i + 1)) * 16 + hex(text.charAt(i + 2)));
                i += 2;
            } else if (c == '+' && !plusIsPlus) {
                bytes.write(' ');
            } else if (c < 0x80) {
                bytes.write(c);
            } else {
                int codePoint = text.codePointAt(i);
                byte[] utf8 = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8);
                bytes.write(utf8, 0, utf8.length);
                i += Character.charCount(codePoint) - 1;
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            throw new IllegalArgumentException("parameter text [" + text + "] is not UTF-8");
        }
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }
}
