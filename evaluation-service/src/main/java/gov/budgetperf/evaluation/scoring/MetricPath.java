package gov.budgetperf.evaluation.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * Which budget metric a budget-linked indicator binds (DESIGN §4 "Scoring rules"): a rate that budget-service
 * publishes in {@code budget.events}, nested ones included. Written as
 *
 * <pre>
 * metric  = name | [scope ":"] segment *("." segment)
 * scope   = "department" | "project"
 * segment = field ["[" KEY "]"]
 * </pre>
 *
 * e.g. {@code executionRate}, {@code threePublic.controlRate}, {@code threePublic.categories[RECEPTION].changeRate},
 * {@code project:executionRate}. Fields are those of budget-service's DepartmentMetrics (or ProjectMetrics) in
 * camelCase; {@code [KEY]} picks the element of a list whose {@code category} is KEY. Without a scope the figures are
 * the evaluated subject's: a department evaluation reads the department's, a project evaluation its project's.
 * <p>
 * The older names in UPPER_SNAKE case keep working as they did: {@code EXECUTION_RATE} is the department's
 * {@code executionRate}, {@code PROJECT_EXECUTION_RATE} the project's, and any other name its camelCase field on the
 * department's figures ({@code PUBLIC_FUNDS_CONTROL_RATE} → {@code department:publicFundsControlRate}).
 * <p>
 * The path must end at a rate ({@code {"ratio", "percent"}}); its value is the percent as budget-service shows it
 * (half-up to two decimals), see {@link #percent(JsonNode)}.
 */
public record MetricPath(String text, Scope scope, List<Segment> segments) {

    /** Whose figures the path reads. */
    public enum Scope {
        /** The evaluated subject's: the department's for a department evaluation, the project's for a project one. */
        SUBJECT,
        /** The department-year's, also in a project evaluation. */
        DEPARTMENT,
        /** The project's; a department evaluation has none. */
        PROJECT
    }

    /** One step of the path: a field, and for a list the category of the element. */
    public record Segment(String field, String key) {

        @Override
        public String toString() {
            return key == null ? field : field + "[" + key + "]";
        }
    }

    private static final Pattern LEGACY = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*");
    private static final Pattern SEGMENT = Pattern.compile("([a-z][A-Za-z0-9]*)(?:\\[([A-Z][A-Z0-9_]*)])?");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** The categories of budget-service's ThreePublicCategory (三公经费: 公务接待, 公务用车, 因公出国（境）). */
    public static final Set<String> THREE_PUBLIC_CATEGORIES = Set.of("RECEPTION", "VEHICLES", "OVERSEAS");

    /** The rates of a department-year that budget-service publishes ({@code [*]}: any category). */
    static final Set<String> DEPARTMENT_RATES = Set.of("executionRate", "adjustmentRate", "grossAdjustmentRate",
            "carryOverRate", "publicFundsControlRate", "staffControlRate", "threePublic.controlRate",
            "threePublic.changeRate", "threePublic.categories[*].controlRate", "threePublic.categories[*].changeRate",
            "timeProgress.timeElapsed", "timeProgress.executed");

    /** The rates of a project that budget-service publishes. */
    static final Set<String> PROJECT_RATES = Set.of("executionRate", "timeProgress.timeElapsed", "timeProgress.executed");

    public MetricPath {
        segments = List.copyOf(segments);
    }

    /**
     * Reads a metric as written in a rule; null or blank is {@code EXECUTION_RATE}.
     *
     * @throws ScoringException naming {@code metric} when it is neither an UPPER_SNAKE name nor a path
     */
    public static MetricPath parse(String metric) {
        String text = metric == null || metric.isBlank() ? "EXECUTION_RATE" : metric.trim();
        if (LEGACY.matcher(text).matches()) {
            boolean project = text.startsWith("PROJECT_");
            String field = camel(project ? text.substring("PROJECT_".length()) : text);
            return new MetricPath(text, project ? Scope.PROJECT : Scope.DEPARTMENT, List.of(new Segment(field, null)));
        }
        Scope scope = Scope.SUBJECT;
        String path = text;
        int colon = text.indexOf(':');
        if (colon >= 0) {
            String prefix = text.substring(0, colon);
            scope = switch (prefix) {
                case "department" -> Scope.DEPARTMENT;
                case "project" -> Scope.PROJECT;
                default -> throw new ScoringException("metric", "metric " + text + ": the scope before ':' is "
                        + "'department' or 'project', was '" + prefix + "'");
            };
            path = text.substring(colon + 1);
        }
        List<Segment> segments = new ArrayList<>();
        for (String part : path.split("\\.", -1)) {
            var m = SEGMENT.matcher(part);
            if (!m.matches()) {
                throw new ScoringException("metric", "metric " + text + " is not a metric name (EXECUTION_RATE) nor a "
                        + "path of camelCase fields such as threePublic.categories[RECEPTION].changeRate: '" + part
                        + "' is not a field");
            }
            segments.add(new Segment(m.group(1), m.group(2)));
        }
        return new MetricPath(text, scope, segments);
    }

    /** EXECUTION_RATE → executionRate (the field of the metrics budget-service publishes). */
    public static String camel(String upperSnake) {
        StringBuilder sb = new StringBuilder();
        boolean up = false;
        for (char c : upperSnake.toLowerCase(Locale.ROOT).toCharArray()) {
            if (c == '_') {
                up = true;
            } else {
                sb.append(up ? Character.toUpperCase(c) : c);
                up = false;
            }
        }
        return sb.toString();
    }

    /** Whether the figures are a project's, in an evaluation of a project ({@code project}) or of a department. */
    public boolean readsProject(boolean projectEvaluation) {
        return scope == Scope.PROJECT || (scope == Scope.SUBJECT && projectEvaluation);
    }

    /** The path without its scope, categories as {@code [*]}: how the catalogue of known rates names it. */
    String shape() {
        StringBuilder sb = new StringBuilder();
        for (Segment s : segments) {
            if (!sb.isEmpty()) {
                sb.append('.');
            }
            sb.append(s.field()).append(s.key() == null ? "" : "[*]");
        }
        return sb.toString();
    }

    /**
     * Why the path names no rate budget-service publishes, or null when it names one: checked when a rule set is
     * stored, so that a typo is refused there rather than leaving indicators without an actual value.
     */
    public String unknownBecause() {
        String shape = shape();
        boolean department = DEPARTMENT_RATES.contains(shape);
        boolean project = PROJECT_RATES.contains(shape);
        if (scope == Scope.DEPARTMENT ? !department : scope == Scope.PROJECT ? !project : !department && !project) {
            return "metric " + text + " is not a rate budget-service publishes for "
                    + (scope == Scope.PROJECT ? "a project" : scope == Scope.DEPARTMENT ? "a department" : "a subject")
                    + "; known: " + String.join(", ", new TreeSet<>(scope == Scope.PROJECT
                            ? PROJECT_RATES
                            : DEPARTMENT_RATES));
        }
        for (Segment s : segments) {
            if (s.key() != null && !THREE_PUBLIC_CATEGORIES.contains(s.key())) {
                return "metric " + text + ": category " + s.key() + " is not one of "
                        + String.join(", ", new TreeSet<>(THREE_PUBLIC_CATEGORIES));
            }
        }
        return null;
    }

    /** Whether this is an execution rate (预算执行率 of the department or 项目执行率), which DESIGN §4 checks. */
    public boolean isExecutionRate() {
        return segments.size() == 1 && segments.get(0).field().equals("executionRate");
    }

    /** The node the path names in a metrics document; a missing node when there is none. */
    public JsonNode resolve(JsonNode metrics) {
        JsonNode n = metrics == null ? MissingNode.getInstance() : metrics;
        for (Segment s : segments) {
            n = n.path(s.field());
            if (s.key() != null) {
                JsonNode found = MissingNode.getInstance();
                for (JsonNode element : n) {
                    if (s.key().equals(element.path("category").asText(null))) {
                        found = element;
                        break;
                    }
                }
                n = found;
            }
        }
        return n;
    }

    /**
     * A rate's value in percent as budget-service shows it: its {@code percent} (half-up to two decimals from the
     * exact quotient), or, when a producer sends only the ratio, the ratio × 100 half-up to two decimals; null when the
     * rate is null (its denominator is zero) or missing.
     */
    public static BigDecimal percent(JsonNode rate) {
        if (rate == null || !rate.isObject()) {
            return null;
        }
        JsonNode percent = rate.path("percent");
        if (percent.isNumber()) {
            return percent.decimalValue().setScale(2, RoundingMode.HALF_UP);
        }
        JsonNode ratio = rate.path("ratio");
        return ratio.isNumber() ? ratio.decimalValue().multiply(HUNDRED).setScale(2, RoundingMode.HALF_UP) : null;
    }

    @Override
    public String toString() {
        return text;
    }
}
