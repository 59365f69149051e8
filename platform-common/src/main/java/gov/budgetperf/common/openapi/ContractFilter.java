package gov.budgetperf.common.openapi;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;

import gov.budgetperf.common.problem.ProblemResponsesFilter;

/**
 * Completes the OpenAPI document every service serves, once for all of them (DESIGN §7 "The contract"): the error
 * responses ({@link ProblemResponsesFilter}), a {@code servers} entry and a licence, dates as plain
 * {@code string}/{@code date} instead of named schemas for {@code java.time} classes, and amounts' decimal places as
 * {@code multipleOf} instead of a string {@code pattern} on a number (Bean Validation's {@code @Digits} becomes a
 * pattern that no JSON number can be checked against).
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
