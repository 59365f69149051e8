package gov.budgetperf.common.problem;

import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Documents the problem-details error responses on every operation, once for all services, so generated clients
 * know every error shape without each resource repeating a dozen annotations.
 */
public class ProblemResponsesFilter implements OASFilter {

    private static final Map<String, String> ERRORS = Map.ofEntries(
            Map.entry("400", "Invalid input; `violations` names each field"),
            Map.entry("401", "Missing, expired or badly signed bearer token"),
            Map.entry("403", "The caller's role or department does not allow this"),
            Map.entry("404", "Not found"),
            Map.entry("406", "None of the media types in Accept is one this operation produces"),
            Map.entry("409", "Conflict with the current state (duplicate, concurrent change)"),
            Map.entry("412", "If-Match does not match the current version"),
            Map.entry("414", "The request's URI or query string is too long"),
            Map.entry("422", "Well-formed but unacceptable (e.g. an import with rejected rows)"),
            Map.entry("428", "If-Match is required for this change"),
            Map.entry("500", "Unexpected error, with an error id to quote"),
            Map.entry("503", "A required peer service is unavailable"));

    /** Only where a body is read. */
    private static final Map<String, String> BODY_ERRORS = Map.of("415",
            "The request's Content-Type is not one this operation reads");

    @Override
    public Operation filterOperation(Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        add(responses, ERRORS);
        if (operation.getRequestBody() != null) {
            add(responses, BODY_ERRORS);
        }
        return operation;
    }

    private static void add(APIResponses responses, Map<String, String> errors) {
        for (var e : errors.entrySet()) {
            var response = responses.getAPIResponse(e.getKey());
            if (response == null) {
                responses.addAPIResponse(e.getKey(),
                        OASFactory.createAPIResponse().description(e.getValue()).content(problemContent()));
            } else if (response.getContent() == null || response.getContent().getMediaTypes() == null
                    || response.getContent().getMediaTypes().isEmpty()) {
                // an operation's own description of an error (e.g. which fields a 400 names) still sends a problem
                response.setContent(problemContent());
            }
        }
    }

    private static org.eclipse.microprofile.openapi.models.media.Content problemContent() {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref("#/components/schemas/Problem")));
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        var schemas = openAPI.getComponents().getSchemas();
        if (schemas == null || !schemas.containsKey("Problem")) {
            Schema violation = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                    .addProperty("field", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                    .addProperty("message", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                    .addProperty("row", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int64"))
                    .addProperty("pointer", OASFactory.createSchema().addType(Schema.SchemaType.STRING));
            openAPI.getComponents().addSchema("Problem", OASFactory.createSchema()
                    .description("RFC 9457 problem details").addType(Schema.SchemaType.OBJECT)
                    .addProperty("type", OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri"))
                    .addProperty("title", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                    .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32"))
                    .addProperty("detail", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                    .addProperty("instance",
                            OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri-reference"))
                    .addProperty("violations", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(violation)));
        }
    }
}
