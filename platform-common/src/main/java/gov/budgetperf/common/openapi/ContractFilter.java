package gov.budgetperf.common.openapi;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import gov.budgetperf.common.problem.ProblemResponsesFilter;

/**
 * Completes the OpenAPI document every service serves, once for all of them (DESIGN §7 "The contract"): the error
 * responses ({@link ProblemResponsesFilter}), a {@code servers} entry and a licence, dates as plain
 * {@code string}/{@code date} instead of named schemas for {@code java.time} classes, and amounts' decimal places as
 * {@code multipleOf} instead of a string {@code pattern} on a number (Bean Validation's {@code @Digits} becomes a
 * pattern that no JSON number can be checked against), and no component schema that no operation reaches.
 * <p>
 * Configured with {@code mp.openapi.filter}; {@code platform.openapi.server-url} (default {@code /}, the origin the
 * document was fetched from) and {@code platform.openapi.license} (default Apache-2.0) may be set per deployment.
 */
public class ContractFilter implements OASFilter {

    /** The {@code java.time} classes SmallRye publishes as named schemas, with the string format they are. */
    static final Map<String, String> TIME_FORMATS = Map.of("LocalDate", "date", "OffsetDateTime", "date-time",
            "Instant", "date-time", "ZonedDateTime", "date-time");

    private static final String COMPONENT = "#/components/schemas/";

    /** {@code @Digits(integer = I, fraction = F)} as SmallRye writes it. */
    private static final Pattern DIGITS = Pattern.compile("\\^\\\\d\\{1,(\\d+)\\}\\(\\[\\.\\]\\\\d\\{1,(\\d+)\\}\\)\\?\\$");

    private final ProblemResponsesFilter problems = new ProblemResponsesFilter();

    @Override
    public Operation filterOperation(Operation operation) {
        return problems.filterOperation(operation);
    }

    @Override
    public Schema filterSchema(Schema schema) {
        inlineTime(schema);
        digitsAsMultipleOf(schema);
        return schema;
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        problems.filterOpenAPI(openAPI);
        var schemas = openAPI.getComponents().getSchemas();
        if (schemas != null) {
            for (String name : TIME_FORMATS.keySet()) {
                openAPI.getComponents().removeSchema(name);
            }
            for (String name : unreachable(openAPI)) {
                openAPI.getComponents().removeSchema(name);
            }
        }
        if (openAPI.getServers() == null || openAPI.getServers().isEmpty()) {
            String url = ConfigProvider.getConfig().getOptionalValue("platform.openapi.server-url", String.class)
                    .orElse("/");
            openAPI.addServer(OASFactory.createServer().url(url).description(
                    "This service; paths are absolute from its root (behind a gateway, the gateway's address for it)"));
        }
        if (openAPI.getInfo() != null && openAPI.getInfo().getLicense() == null) {
            String license = ConfigProvider.getConfig().getOptionalValue("platform.openapi.license", String.class)
                    .orElse("Apache-2.0");
            openAPI.getInfo().license(OASFactory.createLicense().name(license).identifier(license));
        }
    }

    /**
     * The component schemas no operation reaches, directly or through other schemas: e.g. the raw {@code Page} that
     * SmallRye writes beside each {@code Page<T>} it expands. A client generator would emit them as dead classes.
     */
    static Set<String> unreachable(OpenAPI openAPI) {
        Map<String, Schema> components = openAPI.getComponents().getSchemas();
        Deque<Schema> todo = new ArrayDeque<>();
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            for (PathItem item : openAPI.getPaths().getPathItems().values()) {
                if (item.getParameters() != null) {
                    item.getParameters().forEach(p -> parameter(p, todo));
                }
                for (Operation o : item.getOperations().values()) {
                    operation(o, todo);
                }
            }
        }
        Set<String> reached = new HashSet<>();
        while (!todo.isEmpty()) {
            Schema s = todo.pop();
            if (s.getRef() != null && s.getRef().startsWith(COMPONENT)) {
                String name = s.getRef().substring(COMPONENT.length());
                if (reached.add(name) && components.containsKey(name)) {
                    todo.push(components.get(name));
                }
            }
            children(s).forEach(todo::push);
        }
        Set<String> unreached = new TreeSet<>(components.keySet());
        unreached.removeAll(reached);
        return unreached;
    }

    private static void operation(Operation o, Deque<Schema> todo) {
        if (o.getParameters() != null) {
            o.getParameters().forEach(p -> parameter(p, todo));
        }
        if (o.getRequestBody() != null) {
            content(o.getRequestBody().getContent(), todo);
        }
        if (o.getResponses() != null && o.getResponses().getAPIResponses() != null) {
            for (APIResponse r : o.getResponses().getAPIResponses().values()) {
                content(r.getContent(), todo);
                if (r.getHeaders() != null) {
                    r.getHeaders().values().stream().map(Header::getSchema).filter(Objects::nonNull).forEach(todo::push);
                }
            }
        }
    }

    private static void parameter(Parameter p, Deque<Schema> todo) {
        if (p.getSchema() != null) {
            todo.push(p.getSchema());
        }
        content(p.getContent(), todo);
    }

    private static void content(Content content, Deque<Schema> todo) {
        if (content != null && content.getMediaTypes() != null) {
            content.getMediaTypes().values().stream().map(MediaType::getSchema).filter(Objects::nonNull)
                    .forEach(todo::push);
        }
    }

    private static List<Schema> children(Schema s) {
        List<Schema> out = new ArrayList<>();
        if (s.getProperties() != null) {
            out.addAll(s.getProperties().values());
        }
        for (Schema one : new Schema[]{s.getItems(), s.getAdditionalPropertiesSchema(), s.getNot()}) {
            if (one != null) {
                out.add(one);
            }
        }
        for (List<Schema> list : List.of(nonNull(s.getAllOf()), nonNull(s.getAnyOf()), nonNull(s.getOneOf()),
                nonNull(s.getPrefixItems()))) {
            out.addAll(list);
        }
        if (s.getPatternProperties() != null) {
            out.addAll(s.getPatternProperties().values());
        }
        return out;
    }

    private static List<Schema> nonNull(List<Schema> list) {
        return list == null ? List.of() : list;
    }

    /** A reference to a {@code java.time} schema becomes the string it is (its siblings, e.g. description, stay). */
    static void inlineTime(Schema schema) {
        String ref = schema.getRef();
        if (ref == null || !ref.startsWith(COMPONENT)) {
            return;
        }
        String format = TIME_FORMATS.get(ref.substring(COMPONENT.length()));
        if (format != null) {
            schema.setRef(null);
            schema.setType(List.of(Schema.SchemaType.STRING));
            schema.setFormat(format);
        }
    }

    /** A number's {@code @Digits} pattern becomes {@code multipleOf} its last decimal place. */
    static void digitsAsMultipleOf(Schema schema) {
        List<Schema.SchemaType> types = schema.getType() == null ? List.of() : new ArrayList<>(schema.getType());
        boolean numeric = types.contains(Schema.SchemaType.NUMBER) || types.contains(Schema.SchemaType.INTEGER);
        if (!numeric || schema.getPattern() == null) {
            return;
        }
        Matcher digits = DIGITS.matcher(schema.getPattern());
        schema.setPattern(null);
        if (digits.matches() && schema.getMultipleOf() == null) {
            schema.setMultipleOf(BigDecimal.ONE.movePointLeft(Integer.parseInt(digits.group(2))));
        }
    }
}
