package gov.budgetperf.evaluation.openapi;

import java.util.List;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.media.Schema;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * A property that refers to a named schema and may be null, written as OpenAPI 3.1 says it:
 * {@code anyOf: [{$ref}, {type: null}]}. SmallRye drops {@code nullable} beside a {@code ref}, and with
 * {@code implementation} plus any other attribute it copies the named schema into the property (and merges the
 * property's attributes into the named one). Such a property is therefore annotated
 * {@code @Schema(ref = "Name", description = …, extensions = @Extension(name = NullableReferences.EXTENSION, value = "true"))}
 * and rewritten here when the document is built.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class NullableReferences implements OASFilter {

    /** The marker of a nullable reference; it does not stay in the document. */
    public static final String EXTENSION = "x-nullable-ref";

    @Override
    public Schema filterSchema(Schema schema) {
        if (schema.getExtensions() == null || !schema.getExtensions().containsKey(EXTENSION)) {
            return schema;
        }
        schema.removeExtension(EXTENSION);
        String ref = schema.getRef();
        if (ref != null) {
            schema.setRef(null);
            schema.setAnyOf(List.of(OASFactory.createSchema().ref(ref),
                    OASFactory.createSchema().addType(Schema.SchemaType.NULL)));
        }
        return schema;
    }
}
