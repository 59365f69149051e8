import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Helpers of bench/report-documents.sh, run with the JDK's source launcher (no dependencies):
 *
 * <pre>
 *   java ReportBench.java post-lines URL TOKEN CONCURRENCY FILE
 *   java ReportBench.java floor BUDGET_URL EVALUATION_URL TOKEN CONCURRENCY YEAR CODES_FILE
 * </pre>
 *
 * post-lines: POSTs every line of FILE (a JSON body) to URL with CONCURRENCY connections; 201 and 409 (already
 * there) count as done, anything else is printed and makes the exit status 1. Prints one line: posted, failed, ms.
 * <p>
 * floor: for every department code of CODES_FILE, the peer reads report-service makes for a department form, in the
 * same order, with CONCURRENCY workers (report-service's batch runs 2): GET the department, GET its YEAR metrics,
 * GET the list of its evaluations of YEAR (page size 200, as report-service asks) and, when there is one, GET that
 * evaluation with its indicators. Nothing is rendered or stored: the time is the floor of a batch that must fetch
 * these figures over REST. Prints the total, departments/s, and the median/p90 of each kind of call.
 */
public class ReportBench {

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("post-lines") && args.length == 5) {
            postLines(args[1], args[2], Integer.parseInt(args[3]), Path.of(args[4]));
        } else if (args.length > 0 && args[0].equals("floor") && args.length == 7) {
            floor(args[1], args[2], args[3], Integer.parseInt(args[4]), Integer.parseInt(args[5]), Path.of(args[6]));
        } else {
            System.err.println("usage: ReportBench post-lines URL TOKEN CONCURRENCY FILE\n"
                    + "       ReportBench floor BUDGET_URL EVALUATION_URL TOKEN CONCURRENCY YEAR CODES_FILE");
            System.exit(2);
        }
    }

    private static HttpClient client(int concurrency) {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newFixedThreadPool(Math.max(2, concurrency))).build();
    }

    static void postLines(String url, String token, int concurrency, Path file) throws Exception {
        List<String> lines = Files.readAllLines(file).stream().filter(l -> !l.isBlank()).toList();
        HttpClient http = client(concurrency);
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        AtomicInteger done = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        long t0 = System.nanoTime();
        List<Future<?>> all = new ArrayList<>();
        for (String body : lines) {
            all.add(pool.submit(() -> {
                HttpRequest req = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                try {
                    HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 201 || r.statusCode() == 409) {
                        done.incrementAndGet();
                    } else {
                        if (failed.incrementAndGet() <= 5) {
                            System.err.printf("POST %s -> %d: %s (body %s)%n", url, r.statusCode(),
                                    abbreviate(r.body()), abbreviate(body));
                        }
                    }
                } catch (Exception e) {
                    if (failed.incrementAndGet() <= 5) {
                        System.err.printf("POST %s failed: %s%n", url, e);
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : all) {
            f.get();
        }
        pool.shutdown();
        System.out.printf(Locale.ROOT, "posted %d failed %d ms %d%n", done.get(), failed.get(),
                (System.nanoTime() - t0) / 1_000_000);
        System.exit(failed.get() == 0 ? 0 : 1);
    }

    private static final Pattern FIRST_ID = Pattern.compile("\"items\"\\s*:\\s*\\[\\s*\\{\\s*\"id\"\\s*:\\s*(\\d+)");

    static void floor(String budgetUrl, String evaluationUrl, String token, int concurrency, int year, Path codesFile)
            throws Exception {
        List<String> codes = Files.readAllLines(codesFile).stream().map(String::trim).filter(s -> !s.isEmpty())
                .toList();
        HttpClient http = client(concurrency);
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        String[] kinds = {"department", "metrics", "evaluations", "evaluation"};
        List<List<Double>> times = new ArrayList<>();
        for (int i = 0; i < kinds.length; i++) {
            times.add(Collections.synchronizedList(new ArrayList<>()));
        }
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger withEvaluation = new AtomicInteger();
        long t0 = System.nanoTime();
        List<Future<?>> all = new ArrayList<>();
        for (String code : codes) {
            all.add(pool.submit(() -> {
                String c = URLEncoder.encode(code, StandardCharsets.UTF_8);
                get(http, token, budgetUrl + "/api/v1/departments/" + c, times.get(0), errors);
                get(http, token, budgetUrl + "/api/v1/departments/" + c + "/budgets/" + year + "/metrics", times.get(1),
                        errors);
                String list = get(http, token, evaluationUrl + "/api/v1/evaluations?departmentCode=" + c
                        + "&fiscalYear=" + year + "&page=0&size=200", times.get(2), errors);
                Matcher m = list == null ? null : FIRST_ID.matcher(list);
                if (m != null && m.find()) {
                    withEvaluation.incrementAndGet();
                    get(http, token, evaluationUrl + "/api/v1/evaluations/" + m.group(1), times.get(3), errors);
                }
                return null;
            }));
        }
        for (Future<?> f : all) {
            f.get();
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        pool.shutdown();
        StringBuilder calls = new StringBuilder();
        for (int i = 0; i < kinds.length; i++) {
            double[] v = times.get(i).stream().mapToDouble(Double::doubleValue).sorted().toArray();
            if (v.length > 0) {
                calls.append(String.format(Locale.ROOT, " %s=%d:%.1f/%.1f", kinds[i], v.length, pct(v, 50), pct(v, 90)));
            }
        }
        System.out.printf(Locale.ROOT, "departments %d with_evaluation %d errors %d ms %d calls%s%n", codes.size(),
                withEvaluation.get(), errors.get(), ms, calls);
        System.exit(errors.get() == 0 ? 0 : 1);
    }

    private static String get(HttpClient http, String token, String url, List<Double> times, AtomicInteger errors) {
        HttpRequest req = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json").GET().build();
        long t = System.nanoTime();
        try {
            HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
            times.add((System.nanoTime() - t) / 1e6);
            if (r.statusCode() != 200) {
                if (errors.incrementAndGet() <= 5) {
                    System.err.printf("GET %s -> %d: %s%n", url, r.statusCode(), abbreviate(r.body()));
                }
                return null;
            }
            return r.body();
        } catch (Exception e) {
            if (errors.incrementAndGet() <= 5) {
                System.err.printf("GET %s failed: %s%n", url, e);
            }
            return null;
        }
    }

    /** Nearest-rank percentile of sorted values. */
    private static double pct(double[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
