package gov.budgetperf.common.problem;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

/**
 * Turns a JSON body that could not be read into one violation naming the field (dotted, {@code indicators[0].actual},
 * as Bean Validation names it, and as an RFC 6901 pointer, {@code /indicators/0/actual}) and the reason in words,
 * without Java type names.
 */
final class JsonViolations {

    private static final int MAX_MESSAGE = 200;

    private JsonViolations() {
    }

    static Violation of(JsonProcessingException e) {
        String field = "body";
        String pointer = "";
        if (e instanceof JsonMappingException jme && !jme.getPath().isEmpty()) {
            StringBuilder dotted = new StringBuilder();
            StringBuilder ptr = new StringBuilder();
            for (JsonMappingException.Reference ref : jme.getPath()) {
                if (ref.getFieldName() != null) {
                    if (!dotted.isEmpty()) {
                        dotted.append('.');
                    }
                    dotted.append(ref.getFieldName());
                    ptr.append('/').append(ref.getFieldName().replace("~", "~0").replace("/", "~1"));
                } else if (ref.getIndex() >= 0) {
                    dotted.append('[').append(ref.getIndex()).append(']');
                    ptr.append('/').append(ref.getIndex());
                }
            }
            if (!dotted.isEmpty()) {
                field = dotted.toString();
                pointer = ptr.toString();
            }
        }
        return new Violation(field, reason(e), null, pointer);
    }

    private static String reason(JsonProcessingException e) {
        String message;
        if (e instanceof StreamConstraintsException) {
            message = "too large or too deeply nested: " + e.getOriginalMessage();
        } else if (e instanceof InputCoercionException || rootIs(e, InputCoercionException.class)) {
            message = "number out of range" + expected(e instanceof InputCoercionException ic ? ic.getTargetType() : null);
        } else if (e instanceof JsonParseException) {
            message = "not valid JSON: " + e.getOriginalMessage();
        } else if (e instanceof UnrecognizedPropertyException u) {
            message = "unknown field " + u.getPropertyName();
        } else if (e instanceof InvalidFormatException f && f.getOriginalMessage() != null
                && !f.getOriginalMessage().startsWith("Cannot ")) {
            // written for the client by one of our deserializers (e.g. NUL in a string)
            message = f.getOriginalMessage();
        } else if (e instanceof InvalidFormatException f) {
            message = "not a valid value" + expected(f.getTargetType());
        } else if (e instanceof ValueInstantiationException && e.getCause() != null && e.getCause().getMessage() != null) {
            message = e.getCause().getMessage();
        } else if (e instanceof MismatchedInputException m) {
            message = m.getTargetType() == null
                    ? String.valueOf(e.getOriginalMessage())
                    : "wrong type" + expected(m.getTargetType());
        } else {
            message = String.valueOf(e.getOriginalMessage());
        }
        return abbreviate(message);
    }

    /** ", expected a number" etc., in JSON's words rather than Java's. */
    private static String expected(Class<?> type) {
        if (type == null) {
            return "";
        }
        String what;
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class || type == short.class
                || type == Short.class || type == BigInteger.class) {
            what = "an integer";
        } else if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class
                || type == BigDecimal.class) {
            what = "a number";
        } else if (type == boolean.class || type == Boolean.class) {
            what = "true or false";
        } else if (type == String.class || type == Character.class || type == char.class) {
            what = "a string";
        } else if (type.isEnum()) {
            what = "one of " + Arrays.stream(type.getEnumConstants()).map(String::valueOf).collect(Collectors.joining(", "));
        } else if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            what = "an array";
        } else if (Map.class.isAssignableFrom(type) || type.isRecord() || !type.getName().startsWith("java.")) {
            what = "an object";
        } else {
            what = "a " + type.getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase();
        }
        return ", expected " + what;
    }

    private static boolean rootIs(Throwable e, Class<? extends Throwable> type) {
        for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    private static String abbreviate(String message) {
        String clean = message.replace('\u0000', ' ');
        return clean.length() > MAX_MESSAGE ? clean.substring(0, MAX_MESSAGE) + "…" : clean;
    }
}
