package gov.budgetperf.common.web;

import java.io.IOException;
import java.util.Iterator;
import java.util.Map;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.JsonNodeDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * JSON strings may hold {@code \u0000}, PostgreSQL text and jsonb may not: such a value would reach the database and
 * fail there as a 500. Reading it is refused instead, so the client gets a 400 naming the field (through the
 * problem mapper's JSON path).
 */
@Singleton
public class NulFreeJson implements ObjectMapperCustomizer {

    static final String MESSAGE = "contains a NUL character (\\u0000), which cannot be stored";

    @Override
    public void customize(ObjectMapper mapper) {
        SimpleModule module = new SimpleModule("nul-free-strings");
        module.addDeserializer(String.class, new Strings());
        module.addDeserializer(JsonNode.class, new Trees());
        mapper.registerModule(module);
    }

    /** Strings as Jackson reads them, refused when they hold NUL. */
    static final class Strings extends StdDeserializer<String> {

        Strings() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String s = StringDeserializer.instance.deserialize(p, ctxt);
            if (s != null && s.indexOf('\u0000') >= 0) {
                throw InvalidFormatException.from(p, MESSAGE, s, String.class);
            }
            return s;
        }
    }

    /** Free-form JSON (stored as jsonb): no NUL in any string or field name. */
    static final class Trees extends StdDeserializer<JsonNode> {

        Trees() {
            super(JsonNode.class);
        }

        @Override
        public JsonNode deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonNode node = JsonNodeDeserializer.getDeserializer(JsonNode.class).deserialize(p, ctxt);
            if (holdsNul(node)) {
                throw InvalidFormatException.from(p, MESSAGE, null, JsonNode.class);
            }
            return node;
        }

        @Override
        public JsonNode getNullValue(DeserializationContext ctxt) throws com.fasterxml.jackson.databind.JsonMappingException {
            return JsonNodeDeserializer.getDeserializer(JsonNode.class).getNullValue(ctxt);
        }

        private static boolean holdsNul(JsonNode node) {
            if (node == null) {
                return false;
            }
            if (node.isTextual()) {
                return node.textValue().indexOf('\u0000') >= 0;
            }
            if (node.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                    Map.Entry<String, JsonNode> e = it.next();
                    if (e.getKey().indexOf('\u0000') >= 0 || holdsNul(e.getValue())) {
                        return true;
                    }
                }
                return false;
            }
            if (node.isArray()) {
                for (JsonNode n : node) {
                    if (holdsNul(n)) {
                        return true;
                    }
                }
            }
            return false;
        }
    }
}
