package gov.budgetperf.common.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Hostile-input test engine driven by a service's own OpenAPI document: for every operation it sends hostile path
 * values, hostile query values and hostile or malformed bodies (not JSON, wrong types, huge numbers, deep nesting,
 * nulls, very long strings, NUL), plus forged tokens, unknown paths, wrong methods and a wrong Content-Type. A
 * request fails the run when it answers a 5xx, when an error answer is not {@code application/problem+json}, or
 * when a JSON endpoint accepts a {@code text/plain} body. Bounded: a fixed handful of requests per operation.
 *
 * <p>
 * It uses the JDK HTTP client, not REST Assured, so that the path goes on the wire exactly as written (still
 * percent-encoded, {@code ..%2F} included).
 */
public final class OpenApiFuzz {

    /** Hostile path values, already percent-encoded as they go on the wire: space, &lt;, &gt;, ', NUL, emoji, ..%2F. */
    public static final List<String> HOSTILE_PATH_VALUES = List.of("a%20b", "%3Cscript%3E", "%3E", "'", "%00",
            "%F0%9F%98%80", "..%2F..%2Fetc", "x".repeat(1000));

    /** Hostile query values (raw; encoded when sent). */
    public static final List<String> HOSTILE_QUERY_VALUES = List.of("<'\"> 😀", "\u0000", "1e300", "-99999999999999999999",
            "abc", "y".repeat(1000));

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> METHODS = Set.of("get", "post", "put", "delete", "patch");
    private static final String LONG = "z".repeat(100_000);

    private final URI base;
    private final String token;
    private final Map<String, String> samples = new HashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<Integer, Integer> byStatus = new TreeMap<>();
    private final List<String> failures = new ArrayList<>();
    private JsonNode document;
    private int requests;
    private boolean unavailableAllowed;

    private OpenApiFuzz(URI base, String token) {
        this.base = base;
        this.token = token;
    }

    /** A run against the service at {@code base} (e.g. {@code http://localhost:8081/}) with a valid bearer token. */
    public static OpenApiFuzz against(URI base, String token) {
        return new OpenApiFuzz(base, token);
    }

    /** The well-formed value to use for a path or query parameter of this name while another one is hostile. */
    public OpenApiFuzz sample(String parameter, String value) {
        samples.put(parameter, value);
        return this;
    }

    /**
     * Accept 503 problem+json with Retry-After: for a run without the service's peers, where an operation that needs
     * them answers so by design. Any other 5xx still fails the run.
     */
    public OpenApiFuzz allowUnavailable() {
        unavailableAllowed = true;
        return this;
    }

    /** Sends every request; returns this run for its counts and failures. */
    public OpenApiFuzz run() {
        HttpResponse<String> openapi = send("GET", "q/openapi?format=json", null, null, Map.of());
        if (openapi == null || openapi.statusCode() != 200) {
            throw new IllegalStateException("no OpenAPI document at " + base + "q/openapi");
        }
        try {
            document = JSON.readTree(openapi.body());
        } catch (IOException e) {
            throw new IllegalStateException("the OpenAPI document is not JSON", e);
        }
        requests = 0;
        byStatus.clear();
        Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
        String someGet = null;
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            Set<String> declared = new java.util.HashSet<>();
            Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields();
            while (ops.hasNext()) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                declared.add(op.getKey());
                Operation o = new Operation(op.getKey().toUpperCase(), path.getKey(), op.getValue(),
                        path.getValue().path("parameters"));
                fuzz(o);
                if (someGet == null && o.method.equals("GET") && o.pathParams.isEmpty()) {
                    someGet = o.path;
                }
            }
            // a method the path does not declare: 405 (or 404), as problem+json
            String undeclared = METHODS.stream().filter(m -> !declared.contains(m)).findFirst().orElse(null);
            if (undeclared != null) {
                Operation probe = new Operation(undeclared.toUpperCase(), path.getKey(), NODES.objectNode(),
                        path.getValue().path("parameters"));
                check(probe, "undeclared method", send(probe.method, probe.url(null, null, Map.of()), "{}",
                        "application/json", Map.of()));
            }
        }
        fuzzGlobal(someGet == null ? "api/v1/" : someGet.substring(1));
        return this;
    }

    /** Requests sent in the last run, by status code. */
    public Map<Integer, Integer> countsByStatus() {
        return byStatus;
    }

    public int requests() {
        return requests;
    }

    /** One line per request that broke a rule: method, path, what was sent, status and media type. */
    public List<String> failures() {
        return failures;
    }

    /** "GET /x: 400 ×12 …" for the lead's note. */
    public String summary(String service) {
        return service + " fuzz: " + requests + " requests, by status " + byStatus + ", " + failures.size() + " failure(s)";
    }

    private void fuzz(Operation o) {
        // hostile path values, one parameter at a time
        for (String p : o.pathParams.keySet()) {
            for (String hostile : HOSTILE_PATH_VALUES) {
                check(o, "path " + p + "=" + abbreviate(hostile),
                        send(o.method, o.url(p, hostile, Map.of()), o.validBody(), o.bodyType, Map.of()));
            }
        }
        // hostile query values, one parameter at a time
        for (String q : o.queryParams.keySet()) {
            for (String hostile : HOSTILE_QUERY_VALUES) {
                check(o, "query " + q + "=" + abbreviate(hostile),
                        send(o.method, o.url(null, null, Map.of(q, hostile)), o.validBody(), o.bodyType, Map.of()));
            }
        }
        if (o.bodyType == null) {
            return;
        }
        if (o.bodyType.contains("json") || o.bodyType.equals("*/*")) {
            // "*/*": an optional JSON body (e.g. a workflow comment) that may also be left out
            for (Map.Entry<String, String> body : o.hostileJsonBodies().entrySet()) {
                check(o, "body " + body.getKey(), send(o.method, o.url(null, null, Map.of()), body.getValue(),
                        "application/json", Map.of()));
            }
            if (!o.bodyType.contains("json")) {
                return;
            }
            HttpResponse<String> plain = send(o.method, o.url(null, null, Map.of()), o.validBody(), "text/plain",
                    Map.of());
            check(o, "body as text/plain", plain);
            if (plain != null && plain.statusCode() < 300) {
                failures.add(o + " accepted a text/plain body (" + plain.statusCode() + "), expected 415");
            }
        } else {
            Map<String, String> bodies = new LinkedHashMap<>();
            bodies.put("CSV with an unterminated quote", "department_code,fiscal_year,amount\n\"GZ,2022,1\n");
            bodies.put("CSV with an unterminated quote in the header", "\"department_code,fiscal_year\nGZ,2022\n");
            bodies.put("empty", "");
            bodies.put("NUL and emoji", "a,b\n\u0000,😀\n");
            for (Map.Entry<String, String> body : bodies.entrySet()) {
                check(o, "body " + body.getKey(), send(o.method, o.url(null, null, Map.of()), body.getValue(),
                        "text/csv", Map.of()));
            }
            String xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            check(o, "body not OOXML as XLSX", send(o.method, o.url(null, null, Map.of()), "this is not a zip", xlsx,
                    Map.of()));
            check(o, "body a truncated zip as XLSX", send(o.method, o.url(null, null, Map.of()),
                    "PK\u0003\u0004\u0014\u0000\u0000\u0000", xlsx, Map.of()));
        }
    }

    /** Tokens that must not pass, paths that do not exist, a media type nobody produces. */
    private void fuzzGlobal(String someGet) {
        Operation get = new Operation("GET", "/" + someGet, NODES.objectNode(), NODES.arrayNode());
        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
        String header = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String none = header + "." + parts[1] + ".";
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("forged signature", "Bearer " + forged);
        tokens.put("alg=none", "Bearer " + none);
        tokens.put("garbage", "Bearer not-a-token");
        tokens.put("Basic", "Basic dXNlcjpwYXNz");
        for (Map.Entry<String, String> t : tokens.entrySet()) {
            HttpResponse<String> r = send("GET", someGet, null, null, Map.of("Authorization", t.getValue()));
            check(get, "token " + t.getKey(), r);
            if (r != null && r.statusCode() != 401) {
                failures.add(get + " with token " + t.getKey() + " answered " + r.statusCode() + ", expected 401");
            }
        }
        check(get, "no token", send("GET", someGet, null, null, Map.of("Authorization", "")));
        check(get, "Accept image/png", send("GET", someGet, null, null, Map.of("Accept", "image/png")));
        for (String unknown : List.of("api/v1/no-such-resource", "no-such-path", "api/v1/%3C%00%3E",
                "..%2F..%2Fetc%2Fpasswd")) {
            Operation o = new Operation("GET", "/" + unknown, NODES.objectNode(), NODES.arrayNode());
            check(o, "unknown path", send("GET", unknown, null, null, Map.of()));
        }
    }

    private void check(Operation o, String what, HttpResponse<String> r) {
        if (r == null) {
            failures.add(o + " " + what + ": no answer within 10 s");
            return;
        }
        byStatus.merge(r.statusCode(), 1, Integer::sum);
        String type = r.headers().firstValue("Content-Type").orElse("");
        boolean unavailable = r.statusCode() == 503 && type.startsWith("application/problem+json")
                && r.headers().firstValue("Retry-After").isPresent();
        if (r.statusCode() >= 500 && !(unavailable && unavailableAllowed)) {
            failures.add(o + " " + what + ": " + r.statusCode() + " " + type + " " + abbreviate(r.body()));
        } else if (r.statusCode() >= 400 && !type.startsWith("application/problem+json")) {
            failures.add(o + " " + what + ": " + r.statusCode() + " not problem+json but '" + type + "' "
                    + abbreviate(r.body()));
        } else if (r.statusCode() == 400 && r.body().contains("\"HTTP 400 Bad Request\"")) {
            failures.add(o + " " + what + ": a 400 that gives no reason " + abbreviate(r.body()));
        }
        // and whatever it answers, the answer is one its own document describes
        URI uri = r.request().uri();
        for (String violation : ContractValidation.INSTANCE.check(uri.getScheme() + "://" + uri.getAuthority(),
                r.request().method(), uri.getRawPath(), r.statusCode(), type,
                () -> r.body().getBytes(StandardCharsets.UTF_8))) {
            ContractValidation.INSTANCE.fail(failures,
                    o + " " + what + ": " + r.statusCode() + " breaks the document: " + violation);
        }
    }

    private HttpResponse<String> send(String method, String relative, String body, String contentType,
            Map<String, String> headers) {
        requests++;
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + relative)).timeout(Duration.ofSeconds(10))
                    .method(method, body == null
                            ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            if (!headers.containsKey("Authorization")) {
                b.header("Authorization", "Bearer " + token);
            } else if (!headers.get("Authorization").isEmpty()) {
                b.header("Authorization", headers.get("Authorization"));
            }
            if (contentType != null) {
                b.header("Content-Type", contentType);
            }
            headers.forEach((k, v) -> {
                if (!k.equals("Authorization")) {
                    b.header(k, v);
                }
            });
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static String abbreviate(String s) {
        if (s == null) {
            return "";
        }
        String one = s.replace('\n', ' ').replace("\u0000", "\\0");
        return one.length() > 160 ? one.substring(0, 160) + "…" : one;
    }

    /** One operation of the document, with well-formed samples for its parameters and body. */
    private final class Operation {

        final String method;
        final String path;
        final Map<String, JsonNode> pathParams = new LinkedHashMap<>();
        final Map<String, JsonNode> queryParams = new LinkedHashMap<>();
        final String bodyType;
        final JsonNode bodySchema;

        Operation(String method, String path, JsonNode op, JsonNode shared) {
            this.method = method;
            this.path = path;
            List<JsonNode> params = new ArrayList<>();
            shared.forEach(params::add);
            op.path("parameters").forEach(params::add);
            for (JsonNode p : params) {
                JsonNode resolved = resolve(p);
                String in = resolved.path("in").asText();
                if (in.equals("path")) {
                    pathParams.put(resolved.path("name").asText(), resolved.path("schema"));
                } else if (in.equals("query")) {
                    queryParams.put(resolved.path("name").asText(), resolved.path("schema"));
                }
            }
            // path parameters the document leaves out of "parameters" are still in the template
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(path);
            while (m.find()) {
                pathParams.putIfAbsent(m.group(1), NODES.objectNode().put("type", "string"));
            }
            JsonNode content = op.path("requestBody").path("content");
            String type = null;
            JsonNode schema = null;
            Iterator<Map.Entry<String, JsonNode>> types = content.fields();
            while (types.hasNext()) {
                Map.Entry<String, JsonNode> t = types.next();
                if (type == null || t.getKey().contains("json")) {
                    type = t.getKey();
                    schema = t.getValue().path("schema");
                }
            }
            this.bodyType = type;
            this.bodySchema = schema;
        }

        /** The URL with every parameter well-formed except {@code hostileParam} (already encoded on the wire). */
        String url(String hostileParam, String hostileValue, Map<String, String> query) {
            StringBuilder sb = new StringBuilder(path.substring(1));
            for (Map.Entry<String, JsonNode> p : pathParams.entrySet()) {
                String value = p.getKey().equals(hostileParam)
                        ? hostileValue
                        : java.net.URLEncoder.encode(sample(p.getKey(), p.getValue()).asText(), StandardCharsets.UTF_8)
                                .replace("+", "%20");
                int at = sb.indexOf("{" + p.getKey() + "}");
                if (at >= 0) {
                    sb.replace(at, at + p.getKey().length() + 2, value);
                }
            }
            char sep = '?';
            for (Map.Entry<String, String> q : query.entrySet()) {
                sb.append(sep).append(java.net.URLEncoder.encode(q.getKey(), StandardCharsets.UTF_8)).append('=')
                        .append(java.net.URLEncoder.encode(q.getValue(), StandardCharsets.UTF_8));
                sep = '&';
            }
            return sb.toString();
        }

        String validBody() {
            if (bodyType == null) {
                return null;
            }
            if (!bodyType.contains("json") && !bodyType.equals("*/*")) {
                return "a,b\n1,2\n";
            }
            return sampleOf(bodySchema, "body", 0).toString();
        }

        /** Named malformed bodies: each breaks the body in one way. */
        Map<String, String> hostileJsonBodies() {
            JsonNode valid = sampleOf(bodySchema, "body", 0);
            Map<String, String> bodies = new LinkedHashMap<>();
            bodies.put("not JSON", "{\"a\": [1, 2,");
            bodies.put("empty", "");
            bodies.put("an array instead of an object", valid.isArray() ? "{}" : "[]");
            bodies.put("wrong types", mapLeaves(valid, leaf -> leaf.isTextual()
                    ? NODES.objectNode().put("x", 1)
                    : leaf.isNumber()
                            ? NODES.textNode("abc")
                            : leaf.isBoolean()
                                    ? NODES.textNode("maybe")
                                    : NODES.numberNode(42))
                    .toString());
            bodies.put("huge numbers", mapLeaves(valid, leaf -> leaf.isNumber()
                    ? NODES.rawValueNode(
                            new com.fasterxml.jackson.databind.util.RawValue("1e300"))
                    : leaf).toString());
            bodies.put("integers beyond long", mapLeaves(valid, leaf -> leaf.isNumber()
                    ? NODES.rawValueNode(
                            new com.fasterxml.jackson.databind.util.RawValue("123456789012345678901234567890"))
                    : leaf)
                    .toString());
            bodies.put("negative huge numbers", mapLeaves(valid, leaf -> leaf.isNumber()
                    ? NODES.rawValueNode(
                            new com.fasterxml.jackson.databind.util.RawValue("-1e300"))
                    : leaf).toString());
            bodies.put("nulls", mapLeaves(valid, leaf -> NODES.nullNode()).toString());
            bodies.put("very long strings", mapLeaves(valid, leaf -> leaf.isTextual() ? NODES.textNode(LONG) : leaf)
                    .toString());
            bodies.put("NUL and markup in strings", mapLeaves(valid, leaf -> leaf.isTextual()
                    ? NODES.textNode(leaf.asText() + "\u0000<script>'😀")
                    : leaf).toString());
            bodies.put("deep nesting", "[".repeat(3000) + "]".repeat(3000));
            if (valid.isObject() && valid.size() > 0) {
                String first = valid.fieldNames().next();
                bodies.put("deep nesting in a field", "{\"" + first + "\":" + "{\"a\":".repeat(1500) + "1"
                        + "}".repeat(1500) + "}");
            }
            return bodies;
        }

        private JsonNode sample(String name, JsonNode schema) {
            if (samples.containsKey(name)) {
                return NODES.textNode(samples.get(name));
            }
            return sampleOf(schema, name, 0);
        }

        /** A well-formed value for the schema (enums' first value, plausible years and dates). */
        private JsonNode sampleOf(JsonNode schema, String name, int depth) {
            JsonNode s = resolve(schema);
            if (s.has("allOf") && s.path("allOf").size() > 0) {
                s = resolve(s.path("allOf").get(0));
            }
            if (s.has("oneOf") && s.path("oneOf").size() > 0) {
                s = resolve(s.path("oneOf").get(0));
            }
            if (s.has("enum") && s.path("enum").size() > 0) {
                return s.path("enum").get(0);
            }
            if (samples.containsKey(name)) {
                return NODES.textNode(samples.get(name));
            }
            String type = s.path("type").isArray() ? s.path("type").path(0).asText() : s.path("type").asText();
            String format = s.path("format").asText();
            if (s.has("examples") && s.path("examples").size() > 0 && !type.equals("object") && !type.equals("array")) {
                return s.path("examples").get(0);
            }
            switch (type) {
                case "integer" :
                    return NODES.numberNode(name.toLowerCase().contains("year") ? 2022 : 1);
                case "number" :
                    return NODES.numberNode(1);
                case "boolean" :
                    return NODES.booleanNode(true);
                case "string" :
                    return NODES.textNode(format.equals("date")
                            ? "2022-06-30"
                            : format.equals("date-time") ? "2022-06-30T00:00:00Z" : "FUZZ");
                case "array" : {
                    ArrayNode a = NODES.arrayNode();
                    if (depth < 5) {
                        a.add(sampleOf(s.path("items"), name, depth + 1));
                    }
                    return a;
                }
                default : {
                    ObjectNode o = NODES.objectNode();
                    if (depth < 5) {
                        Iterator<Map.Entry<String, JsonNode>> props = s.path("properties").fields();
                        while (props.hasNext()) {
                            Map.Entry<String, JsonNode> p = props.next();
                            if (!p.getValue().path("readOnly").asBoolean()) {
                                o.set(p.getKey(), sampleOf(p.getValue(), p.getKey(), depth + 1));
                            }
                        }
                    }
                    return o;
                }
            }
        }

        private JsonNode mapLeaves(JsonNode node, UnaryOperator<JsonNode> f) {
            if (node.isObject()) {
                ObjectNode o = NODES.objectNode();
                node.fields().forEachRemaining(e -> o.set(e.getKey(), mapLeaves(e.getValue(), f)));
                return o;
            }
            if (node.isArray()) {
                ArrayNode a = NODES.arrayNode();
                node.forEach(n -> a.add(mapLeaves(n, f)));
                return a;
            }
            return f.apply(node);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private JsonNode resolve(JsonNode node) {
        JsonNode n = node;
        for (int i = 0; i < 10 && n.has("$ref"); i++) {
            String ref = n.path("$ref").asText();
            n = document.at(ref.startsWith("#") ? ref.substring(1) : ref);
        }
        return n;
    }
}
