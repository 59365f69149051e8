import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Open-loop HTTP load generator (no dependencies; run with {@code java LoadGen.java}).
 *
 * <pre>
 *   java LoadGen.java URL RATE_PER_S DURATION_S [HEADER: VALUE]...
 * </pre>
 *
 * Request i is due at start + i / RATE, whatever happened to the earlier ones (no waiting for
 * answers: an open loop, like wrk2). Its latency is measured from that intended send time, not
 * from the moment it actually left, so a stalled server or a late generator shows up in the
 * latencies instead of silently lowering the rate (no coordinated omission). Latencies are kept
 * whole and sorted at the end: exact percentiles, no histogram library.
 *
 * Prints one summary line of key=value pairs (times in ms) on stdout; gen_cpu is the CPU this generator itself
 * used during the run, in % of one core (it shares the machine with the service).
 */
public class LoadGen {

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: java LoadGen.java URL RATE_PER_S DURATION_S [HEADER: VALUE]...");
            System.exit(2);
        }
        URI uri = URI.create(args[0]);
        double rate = Double.parseDouble(args[1]);
        double seconds = Double.parseDouble(args[2]);
        int n = (int) Math.round(rate * seconds);
        long periodNanos = Math.round(1e9 / rate);
        long timeoutMs = Long.getLong("timeoutMs", 10_000);

        HttpRequest.Builder rb = HttpRequest.newBuilder(uri).GET().timeout(Duration.ofMillis(timeoutMs));
        for (int i = 3; i < args.length; i++) {
            int colon = args[i].indexOf(':');
            rb.header(args[i].substring(0, colon).trim(), args[i].substring(colon + 1).trim());
        }
        HttpRequest request = rb.build();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newFixedThreadPool(4, r -> {
                    Thread t = new Thread(r, "http");
                    t.setDaemon(true);
                    return t;
                })).build();

        // A few requests first: open connections, load classes (not measured).
        for (int i = 0; i < 20; i++) {
            client.send(request, HttpResponse.BodyHandlers.discarding());
        }

        long[] latency = new long[n];
        Arrays.fill(latency, -1);
        int[] status = new int[n];
        AtomicInteger errors = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(n);
        long maxLag = 0;
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
        for (int i = 0; i < n; i++) {
            final long due = start + i * periodNanos;
            long now;
            while ((now = System.nanoTime()) < due) {
                LockSupport.parkNanos(due - now);
            }
            maxLag = Math.max(maxLag, now - due);
            final int k = i;
            client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((resp, err) -> {
                latency[k] = System.nanoTime() - due;
                if (err != null) {
                    errors.incrementAndGet();
                } else {
                    status[k] = resp.statusCode();
                }
                done.countDown();
            });
        }
        long sendEnd = System.nanoTime();
        boolean all = done.await(timeoutMs + 2_000, TimeUnit.MILLISECONDS);
        long end = System.nanoTime();
        double genCpu = (os.getProcessCpuTime() - cpu0) / (double) (end - start);

        int ok = 0;
        int non2xx = 0;
        int unfinished = 0;
        long[] lat = new long[n];
        for (int i = 0; i < n; i++) {
            long l = latency[i];
            if (l < 0) {
                unfinished++;
                l = end - (start + i * periodNanos);
            } else if (status[i] >= 200 && status[i] < 300) {
                ok++;
            } else if (status[i] != 0) {
                non2xx++;
            }
            lat[i] = l;
        }
        Arrays.sort(lat);
        double sentSeconds = (sendEnd - start) / 1e9;
        System.out.printf(java.util.Locale.ROOT,
                "rate=%.0f duration_s=%.0f sent=%d ok=%d non2xx=%d errors=%d unfinished=%d achieved_rps=%.1f "
                        + "p50=%.2f p90=%.2f p99=%.2f p999=%.2f max=%.2f mean=%.2f max_send_lag=%.2f gen_cpu=%.0f%%%n",
                rate, seconds, n, ok, non2xx, errors.get(), unfinished, n / sentSeconds, ms(pct(lat, 0.50)),
                ms(pct(lat, 0.90)), ms(pct(lat, 0.99)), ms(pct(lat, 0.999)), ms(lat[n - 1]),
                ms((long) Arrays.stream(lat).average().orElse(0)), ms(maxLag), genCpu * 100);
        System.exit(all && errors.get() == 0 && non2xx == 0 ? 0 : 1);
    }

    /** Nearest-rank percentile of sorted values. */
    static long pct(long[] sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    static double ms(long nanos) {
        return nanos / 1e6;
    }
}
