package gov.budgetperf.evaluation;

import java.util.Comparator;

import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.type.descriptor.java.JavaType;
import org.hibernate.type.format.FormatMapper;
import org.hibernate.type.format.jackson.JacksonJsonFormatMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.orm.JsonFormat;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;

/**
 * How JSONB columns (rule trees, rules, score explanations) are read and written: numbers stay BigDecimal, so a
 * value read back equals the value written — otherwise every flush would see every JSON column as changed and
 * rewrite it.
 * <p>
 * A value read back is still not always the same node as the one written: PostgreSQL stores {@code 1E+2} and prints
 * it as {@code 100} (an integer node when read back), and it reorders object keys. Code that decides whether a JSON
 * column changed therefore compares with {@link #same}, never with {@code equals} or the JSON text.
 */
@JsonFormat
@PersistenceUnitExtension
public class JsonColumns implements FormatMapper {

    /** Reads and writes JSON as the columns do (numbers with a fraction or an exponent become BigDecimal). */
    public static final ObjectMapper MAPPER = new ObjectMapper().findAndRegisterModules()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /** Numbers compare by value (100 = 100.0 = 1E+2), everything else as Jackson compares it. */
    private static final Comparator<JsonNode> BY_VALUE = (a, b) -> {
        if (a.equals(b)) {
            return 0;
        }
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return 1;
    };

    private final FormatMapper delegate = new JacksonJsonFormatMapper(MAPPER);

    /**
     * Whether two JSON values are the same document: objects whatever the order of their keys, arrays element by
     * element, numbers by value. Java null equals only null.
     */
    public static boolean same(JsonNode a, JsonNode b) {
        if (a == b) {
            return true;
        }
        if (a == null || b == null) {
            return false;
        }
        return a.equals(BY_VALUE, b);
    }

    /**
     * The value as the column reads it back (written and parsed again): 92 as an integer node, not a decimal one. A
     * managed entity given this value equals its snapshot after a flush (Hibernate takes the snapshot the same way),
     * so the row is not written again at the next flush of the same transaction.
     */
    public static JsonNode canonical(JsonNode value) {
        if (value == null) {
            return null;
        }
        try {
            return MAPPER.readTree(MAPPER.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not writable as JSON: " + e.getMessage(), e);
        }
    }

    @Override
    public <T> T fromString(CharSequence charSequence, JavaType<T> javaType, WrapperOptions wrapperOptions) {
        return delegate.fromString(charSequence, javaType, wrapperOptions);
    }

    @Override
    public <T> String toString(T value, JavaType<T> javaType, WrapperOptions wrapperOptions) {
        return delegate.toString(value, javaType, wrapperOptions);
    }
}
