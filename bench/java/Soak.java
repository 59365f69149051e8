import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Mixed reads and writes across the three services at a steady rate, for bench/soak.sh (no dependencies; run with
 * {@code java Soak.java}).
 *
 * <pre>
 *   java Soak.java BUDGET_URL EVALUATION_URL REPORT_URL TOKEN REGION DEPARTMENTS(comma-separated) RATE_PER_S
 *                  DURATION_S OUT_DIR PID_BUDGET PID_EVALUATION PID_REPORT
 * </pre>
 *
 * An open loop: operation i is due at start + i / RATE, picked by weight (post_expenditure 4, get_metrics 3,
 * get_monitoring 2, get_evaluations 2, post_report 1), sent on a pool of 16 threads; each answer is counted by
 * operation and status class (2xx, 4xx, 503, other 5xx, "error" for no answer within 10 s). Every minute one line:
 * requests by status and the three services' RSS (VmRSS of the given pids). At the end: the table per operation with
 * p50/p99 (from the intended send time), and OUT_DIR/expenditures.txt, the ids of the ledger entries that were
 * answered 201 (the script compares them with the ledger: none lost, none doubled).
 */
public class Soak {

    record Op(String name, int weight) {
    }

    static final List<Op> OPS = List.of(new Op("post_expenditure", 4), new Op("get_metrics", 3),
            new Op("get_monitoring", 2), new Op("get_evaluations", 2), new Op("post_report", 1));

    static final Map<String, Map<String, AtomicLong>> STATUS = new ConcurrentHashMap<>();
    static final Map<String, List<Long>> LATENCY = new ConcurrentHashMap<>();
    static final List<String> CREATED = Collections.synchronizedList(new ArrayList<>());

    public static void main(String[] a) throws Exception {
        if (a.length < 12) {
            System.err.println("usage: java Soak.java BUDGET EVALUATION REPORT TOKEN REGION DEPTS RATE DURATION_S OUT "
                    + "PID_BUDGET PID_EVALUATION PID_REPORT");
            System.exit(2);
        }
        String budget = a[0], evaluation = a[1], report = a[2], token = a[3], region = a[4];
        String[] depts = a[5].split(",");
        double rate = Double.parseDouble(a[6]);
        long seconds = Long.parseLong(a[7]);
        Path out = Path.of(a[8]);
        long[] pids = {Long.parseLong(a[9]), Long.parseLong(a[10]), Long.parseLong(a[11])};
        for (Op op : OPS) {
            STATUS.put(op.name(), new ConcurrentHashMap<>());
            LATENCY.put(op.name(), Collections.synchronizedList(new ArrayList<>()));
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        var pool = Executors.newFixedThreadPool(16);
        ScheduledExecutorService minute = Executors.newSingleThreadScheduledExecutor();
        long t0 = System.nanoTime();
        System.out.println("minute  2xx  4xx  503  5xx  error   RSS MiB budget/evaluation/report");
        minute.scheduleAtFixedRate(() -> System.out.println(minuteLine(t0, pids)), 60, 60, TimeUnit.SECONDS);
        int totalWeight = OPS.stream().mapToInt(Op::weight).sum();
        long n = Math.round(rate * seconds);
        long period = Math.round(1e9 / rate);
        String encodedRegion = java.net.URLEncoder.encode(region, java.nio.charset.StandardCharsets.UTF_8);
        for (long i = 0; i < n; i++) {
            long due = t0 + i * period;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            String dept = depts[(int) (i % depts.length)];
            int pick = (int) ((i * 7919) % totalWeight);
            Op op = null;
            for (Op o : OPS) {
                if (pick < o.weight()) {
                    op = o;
                    break;
                }
                pick -= o.weight();
            }
            HttpRequest req = switch (op.name()) {
                case "post_expenditure" -> post(budget + "/api/v1/departments/" + dept + "/budgets/2022/expenditures",
                        "{\"date\":\"2022-06-30\",\"amount\":\"12.34\",\"expenditureType\":\"PUBLIC_FUNDS\"}", token);
                case "get_metrics" -> get(budget + "/api/v1/departments/" + dept + "/budgets/2022/metrics", token);
                case "get_monitoring" -> get(evaluation + "/api/v1/monitoring?fiscalYear=2022&region=" + encodedRegion
                        + "&asOf=2022-06-30", token);
                case "get_evaluations" -> get(evaluation + "/api/v1/evaluations?departmentCode=" + dept
                        + "&fiscalYear=2022", token);
                default -> post(report + "/api/v1/reports", "{\"type\":\"DEPARTMENT_FORM\",\"format\":\"HTML\","
                        + "\"departmentCode\":\"" + dept + "\",\"fiscalYear\":2022}", token);
            };
            String name = op.name();
            pool.submit(() -> send(http, req, name, due));
        }
        pool.shutdown();
        pool.awaitTermination(60, TimeUnit.SECONDS);
        minute.shutdownNow();
        System.out.println(minuteLine(t0, pids));
        System.out.println();
        System.out.println("operation          requests    2xx    4xx    503    5xx  error   p50 ms   p99 ms");
        for (Op op : OPS) {
            Map<String, AtomicLong> s = STATUS.get(op.name());
            List<Long> lat = new ArrayList<>(LATENCY.get(op.name()));
            Collections.sort(lat);
            long count = s.values().stream().mapToLong(AtomicLong::get).sum();
            System.out.printf("%-18s %8d %6d %6d %6d %6d %6d %8.1f %8.1f%n", op.name(), count, get(s, "2xx"),
                    get(s, "4xx"), get(s, "503"), get(s, "5xx"), get(s, "error"), pct(lat, 50), pct(lat, 99));
        }
        Files.write(out.resolve("expenditures.txt"), CREATED);
    }

    static HttpRequest get(String url, String token) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token).GET().build();
    }

    static HttpRequest post(String url, String body, String token) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    static void send(HttpClient http, HttpRequest req, String op, long due) {
        String cls;
        try {
            HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
            int code = r.statusCode();
            cls = code < 300 ? "2xx" : code < 500 ? "4xx" : code == 503 ? "503" : "5xx";
            if (code == 503 && r.headers().firstValue("Retry-After").isEmpty()) {
                cls = "5xx"; // a 503 without Retry-After does not count as an answered outage
            }
            if (code == 201 && op.equals("post_expenditure")) {
                var m = java.util.regex.Pattern.compile("\"id\"\\s*:\\s*(\\d+)").matcher(r.body());
                if (m.find()) {
                    CREATED.add(m.group(1));
                }
            }
        } catch (Exception e) {
            cls = "error";
        }
        STATUS.get(op).computeIfAbsent(cls, k -> new AtomicLong()).incrementAndGet();
        LATENCY.get(op).add((System.nanoTime() - due) / 1000);
    }

    static long get(Map<String, AtomicLong> s, String k) {
        AtomicLong v = s.get(k);
        return v == null ? 0 : v.get();
    }

    static double pct(List<Long> sortedMicros, double p) {
        if (sortedMicros.isEmpty()) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100 * sortedMicros.size()) - 1;
        return sortedMicros.get(Math.max(0, i)) / 1000.0;
    }

    static String minuteLine(long t0, long[] pids) {
        Map<String, Long> all = new TreeMap<>();
        STATUS.values().forEach(m -> m.forEach((k, v) -> all.merge(k, v.get(), Long::sum)));
        StringBuilder rss = new StringBuilder();
        for (long pid : pids) {
            rss.append(rss.isEmpty() ? "" : "/").append(rssMib(pid));
        }
        return String.format("%6d %4d %4d %4d %4d %6d   %s", (System.nanoTime() - t0) / 60_000_000_000L,
                all.getOrDefault("2xx", 0L), all.getOrDefault("4xx", 0L), all.getOrDefault("503", 0L),
                all.getOrDefault("5xx", 0L), all.getOrDefault("error", 0L), rss);
    }

    static String rssMib(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.toString(Long.parseLong(line.replaceAll("\\D", "")) / 1024);
                }
            }
        } catch (Exception e) {
            return "-";
        }
        return "-";
    }
}
