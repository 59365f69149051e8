package gov.budgetperf.common.openapi;

import java.util.List;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.media.Schema;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * Null where SmallRye cannot say it (for every service: a Quarkus build-time filter found in this library's index), written as OpenAPI 3.1 does, for schemas marked with the extension
 * {@link #EXTENSION} (which does not stay in the document):
 * <ul>
 * <li>a property that refers to a named schema and may be null becomes {@code anyOf: [{$ref}, {type: null}]}.
 * SmallRye drops {@code nullable} beside a {@code ref}, and with {@code implementation} plus any other attribute it
 * copies the named schema into the property (and merges the property's attributes into the named one); such a
 * property is annotated {@code @Schema(ref = "Name", description = …, extensions = @Extension(name =
 * NullableReferences.EXTENSION, value = "true"))};</li>
 * <li>a {@code oneOf} schema that may be null gets a {@code {type: null}} branch. A nullable property referring to it
 * would not do: openapi-generator's Java client reads null into a {@code oneOf} class only when that class itself
 * admits null. Its own {@code type} goes: the branches carry theirs.</li>
 * </ul>
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
        if (schema.getOneOf() != null) {
            schema.addOneOf(OASFactory.createSchema().addType(Schema.SchemaType.NULL));
            // the branches say what each is; a type beside them ("object") would read as one more constraint on
            // all of them (a typed client makes it an empty object intersected with the union)
            schema.setType(null);
            return schema;
        }
        String ref = schema.getRef();
        if (ref != null) {
            schema.setRef(null);
            schema.setAnyOf(List.of(OASFactory.createSchema().ref(ref),
                    OASFactory.createSchema().addType(Schema.SchemaType.NULL)));
        }
        return schema;
    }
}
