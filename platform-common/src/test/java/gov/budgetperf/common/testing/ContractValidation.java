package gov.budgetperf.common.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;

import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

/**
 * A validating proxy inside the tests: every REST Assured response from a service is checked against the OpenAPI
 * document that service serves ({@code /q/openapi?format=json} on the same origin), as a department's validating
 * proxy or generated client would see it. The status must be documented for the operation, the media type must be
 * one the response declares, and a JSON body must validate against the declared schema (JSON Schema 2020-12, the
 * dialect of OpenAPI 3.1, with formats asserted). A response that breaks its document fails the test with an
 * {@link AssertionError} naming the operation and each violation.
 * <p>
 * Installed for every {@code @QuarkusTest} by {@link ContractValidationCallback}; responses from an origin that serves
 * no document (the management port) and paths the document does not describe ({@code /q/…}) are left alone. At
 * the end of the run each document's tally (responses validated, operations exercised, violations) is written to
 * {@code target/contract-validation/<title>.txt} (distinct violations, and the operation × status pairs exercised).
 */
public final class ContractValidation implements Filter {

    public static final ContractValidation INSTANCE = new ContractValidation();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * {@code -Dcontract.validation=record}: violations are only written to the tally, so that one run lists them
     * all (for fixing a document); the default fails the test at the first response that breaks it.
     */
    private static final boolean RECORD_ONLY = "record".equals(System.getProperty("contract.validation"));

    private final Map<String, Optional<Document>> byOrigin = new ConcurrentHashMap<>();
    private final Map<String, Tally> tallies = new ConcurrentHashMap<>();

    private ContractValidation() {
        Runtime.getRuntime().addShutdownHook(new Thread(this::writeTallies, "contract-validation-tally"));
    }

    /** Adds the filter to REST Assured's global filters once. */
    public static synchronized void install() {
        if (!RestAssured.filters().contains(INSTANCE)) {
            RestAssured.filters(INSTANCE);
        }
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec,
            FilterContext ctx) {
        Response response = ctx.next(request, responseSpec);
        URI uri = URI.create(request.getURI());
        String origin = uri.getScheme() + "://" + uri.getAuthority();
        List<String> violations = check(origin, request.getMethod(), uri.getRawPath(), response.getStatusCode(),
                response.getContentType(), () -> response.asByteArray());
        if (!violations.isEmpty() && !RECORD_ONLY) {
            throw new AssertionError("The response breaks the service's own OpenAPI document: " + request.getMethod()
                    + " " + uri.getRawPath() + " → " + response.getStatusCode() + " " + response.getContentType()
                    + "\n  " + String.join("\n  ", violations) + "\n  body: " + abbreviate(response.asString()));
        }
        return response;
    }

    /** Adds a violation to a test's failures, unless the run only records them ({@code contract.validation}). */
    public void fail(List<String> failures, String violation) {
        if (!RECORD_ONLY) {
            failures.add(violation);
        }
    }

    /**
     * Checks one response against the document served at {@code origin}; the violations, empty when it conforms
     * or when the origin or path is not described by a document. Usable for responses not made with REST Assured.
     */
    public List<String> check(String origin, String method, String rawPath, int status, String contentType,
            java.util.function.Supplier<byte[]> body) {
        Optional<Document> document = byOrigin.computeIfAbsent(origin, ContractValidation::fetch);
        return document.isEmpty() ? List.of() : check(document.get(), method, rawPath, status, contentType, body);
    }

    List<String> check(Document doc, String method, String rawPath, int status, String contentType,
            java.util.function.Supplier<byte[]> body) {
        Optional<String> template = doc.template(rawPath);
        if (template.isEmpty()) {
            return List.of();
        }
        String m = method.toLowerCase(Locale.ROOT);
        JsonNode operation = doc.json.path("paths").path(template.get()).path(m);
        if (operation.isMissingNode()) {
            // a method the path does not have: 405 from the framework, nothing to hold it against
            return List.of();
        }
        Tally tally = tallies.computeIfAbsent(doc.title, t -> new Tally());
        tally.responses.incrementAndGet();
        tally.operations.add(method.toUpperCase(Locale.ROOT) + " " + template.get() + " " + status);
        List<String> violations = new ArrayList<>();
        String code = responseKey(operation.path("responses"), status);
        if (code == null) {
            violations.add("status " + status + " is not documented for " + method.toUpperCase(Locale.ROOT) + " "
                    + template.get());
        } else {
            JsonNode content = operation.path("responses").path(code).path("content");
            byte[] bytes = status == 204 || status == 304 || "head".equals(m) ? new byte[0] : body.get();
            if (bytes.length > 0) {
                checkBody(doc, template.get(), m, code, content, contentType, bytes, violations);
            }
        }
        if (!violations.isEmpty()) {
            tally.violations.addAll(violations.stream()
                    .map(v -> method.toUpperCase(Locale.ROOT) + " " + template.get() + " " + status + ": " + v)
                    .toList());
        }
        return violations;
    }

    private static void checkBody(Document doc, String template, String method, String code, JsonNode content,
            String contentType, byte[] bytes, List<String> violations) {
        if (content.isMissingNode() || content.isEmpty()) {
            violations.add("a body is sent but response " + code + " documents no content");
            return;
        }
        String media = contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        String key = mediaKey(content, media);
        if (key == null) {
            List<String> documented = new ArrayList<>();
            content.fieldNames().forEachRemaining(documented::add);
            violations.add("media type '" + media + "' is not documented (documented: " + documented + ")");
            return;
        }
        if (!(media.equals("application/json") || media.endsWith("+json"))
                || content.path(key).path("schema").isMissingNode()) {
            return;
        }
        JsonNode instance;
        try {
            instance = JSON.readTree(bytes);
        } catch (IOException e) {
            violations.add("the body is not JSON: " + e.getMessage());
            return;
        }
        String pointer = "/paths/" + escape(template) + "/" + method + "/responses/" + escape(code) + "/content/"
                + escape(key) + "/schema";
        for (Error error : doc.schema(pointer).validate(instance,
                context -> context.executionConfig(c -> c.formatAssertionsEnabled(true)))) {
            violations.add(error.getInstanceLocation() + ": " + error.getMessage() + " (schema "
                    + error.getSchemaLocation() + ")");
        }
    }

    /** The documented response key for a status: the status itself, then e.g. {@code 4XX}, then {@code default}. */
    static String responseKey(JsonNode responses, int status) {
        String exact = Integer.toString(status);
        if (responses.has(exact)) {
            return exact;
        }
        String range = status / 100 + "XX";
        if (responses.has(range)) {
            return range;
        }
        return responses.has("default") ? "default" : null;
    }

    /** The documented media type matching the response's: exact, then {@code type/*}, then {@code *}{@code /*}. */
    static String mediaKey(JsonNode content, String media) {
        if (content.has(media)) {
            return media;
        }
        String wildcard = media.contains("/") ? media.substring(0, media.indexOf('/')) + "/*" : null;
        if (wildcard != null && content.has(wildcard)) {
            return wildcard;
        }
        return content.has("*/*") ? "*/*" : null;
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1").replace("{", "%7B").replace("}", "%7D").replace("*",
                "%2A").replace("+", "%2B");
    }

    private static Optional<Document> fetch(String origin) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(origin + "/q/openapi?format=json"))
                    .timeout(Duration.ofSeconds(20)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                return Optional.empty();
            }
            return Optional.of(new Document(r.body()));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private void writeTallies() {
        if (tallies.isEmpty()) {
            return;
        }
        Path dir = Path.of("target", "contract-validation");
        try {
            Files.createDirectories(dir);
            for (var e : new TreeMap<>(tallies).entrySet()) {
                Tally t = e.getValue();
                StringBuilder out = new StringBuilder();
                out.append("document: ").append(e.getKey()).append('\n');
                out.append("responses validated: ").append(t.responses.get()).append('\n');
                out.append("operation × status pairs exercised: ").append(t.operations.size()).append('\n');
                out.append("violations: ").append(t.violations.size()).append('\n');
                t.violations.forEach(v -> out.append("  ").append(v).append('\n'));
                out.append("exercised:\n");
                t.operations.forEach(o -> out.append("  ").append(o).append('\n'));
                Files.writeString(dir.resolve(e.getKey().replaceAll("[^A-Za-z0-9._-]+", "-") + ".txt"),
                        out.toString());
                System.out.printf("contract validation: %s: %d responses, %d operation × status pairs, %d violations%n",
                        e.getKey(), t.responses.get(), t.operations.size(), t.violations.size());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String abbreviate(String s) {
        return s == null || s.length() <= 600 ? s : s.substring(0, 600) + "…";
    }

    private static final class Tally {
        final AtomicLong responses = new AtomicLong();
        final Set<String> operations = new ConcurrentSkipListSet<>();
        final Set<String> violations = new ConcurrentSkipListSet<>();
    }

    /** One served document: its path templates and its schemas, compiled once per pointer. */
    static final class Document {
        private static final String ID = "urn:served-openapi";
        final JsonNode json;
        final String title;
        private final List<Map.Entry<Pattern, String>> templates = new ArrayList<>();
        private final SchemaRegistry registry;
        private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

        Document(String text) throws IOException {
            this.json = JSON.readTree(text);
            this.title = json.path("info").path("title").asText("service");
            for (Iterator<String> it = json.path("paths").fieldNames(); it.hasNext();) {
                String t = it.next();
                String regex = "\\Q" + t.replaceAll("\\{[^/}]+\\}", "\\\\E[^/]+\\\\Q") + "\\E";
                templates.add(Map.entry(Pattern.compile(regex), t));
            }
            // literal segments win over parameters (/reports/batches before /reports/{id})
            templates.sort(java.util.Comparator.comparingLong(e -> e.getValue().chars().filter(c -> c == '{').count()));
            this.registry = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi31(),
                    b -> b.schemas(Map.of(ID, text)));
        }

        Optional<String> template(String rawPath) {
            for (var e : templates) {
                if (e.getKey().matcher(rawPath).matches()) {
                    return Optional.of(e.getValue());
                }
            }
            return Optional.empty();
        }

        Schema schema(String pointer) {
            return schemas.computeIfAbsent(pointer, p -> registry.getSchema(SchemaLocation.of(ID + "#" + p)));
        }
    }
}
