package gov.budgetperf.common.problem;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import jakarta.ws.rs.core.UriInfo;

/**
 * The {@code instance} member of a problem: the request path as the client sent it, still percent-encoded. It is built
 * so that it can never fail: a mapper that threw while describing a hostile path ({@code <}, a space, NUL, an emoji,
 * {@code ..%2F}) would turn a 400/404 into a 500 text/plain.
 */
public final class ProblemInstance {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private ProblemInstance() {
    }

    /** The raw request path as a relative URI reference, or null when even that cannot be had. */
    public static URI of(UriInfo uri) {
        if (uri == null) {
            return null;
        }
        String raw;
        try {
            raw = uri.getRequestUri().getRawPath();
        } catch (RuntimeException e) {
            try {
                raw = uri.getPath();
            } catch (RuntimeException again) {
                return null;
            }
        }
        return of(raw);
    }

    /** {@code path} with every character a URI path may not hold percent-encoded (existing escapes are kept). */
    static URI of(String path) {
        if (path == null) {
            return null;
        }
        try {
            return URI.create(encode(path));
        } catch (RuntimeException e) {
            return null;
        }
    }

    static String encode(String path) {
        StringBuilder sb = new StringBuilder(path.length() + 16);
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (allowed(c)) {
                sb.append(c);
            } else if (c == '%' && i + 2 < path.length() && hex(path.charAt(i + 1)) && hex(path.charAt(i + 2))) {
                sb.append(c);
            } else {
                int end = Character.isHighSurrogate(c) && i + 1 < path.length() ? i + 2 : i + 1;
                for (byte b : path.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
                    sb.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
                }
                i = end - 1;
            }
        }
        // "//x" would read as an authority, ":" in a first segment as a scheme: keep the reference a plain path
        String s = sb.toString();
        if (s.startsWith("//")) {
            s = "/%2F" + s.substring(2);
        }
        int colon = s.indexOf(':');
        if (colon >= 0 && !s.startsWith("/") && (s.indexOf('/') < 0 || colon < s.indexOf('/'))) {
            s = "./" + s;
        }
        return s;
    }

    /** RFC 3986 pchar without '%' (unreserved, sub-delims, ':' and '@') plus the segment separator '/'. */
    private static boolean allowed(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || "-._~!$&'()*+,;=:@/".indexOf(c) >= 0;
    }

    private static boolean hex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
