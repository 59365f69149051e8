package gov.budgetperf.common.web;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import gov.budgetperf.common.problem.ProblemException;

/**
 * Dates in query and path parameters (asOf, from, to …): an unreadable one is a 400 problem naming the parameter. By
 * the JAX-RS rules a parameter that fails to convert is otherwise a 404, as if the resource did not exist.
 */
@Provider
public class DateParams implements ParamConverterProvider {

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (rawType != LocalDate.class) {
            return null;
        }
        String name = "parameter";
        for (Annotation a : annotations) {
            if (a instanceof QueryParam q) {
                name = q.value();
            } else if (a instanceof PathParam p) {
                name = p.value();
            }
        }
        return (ParamConverter<T>) new Converter(name);
    }

    private record Converter(String name) implements ParamConverter<LocalDate> {

        @Override
        public LocalDate fromString(String value) {
            if (value == null || value.isBlank()) {
                return null;
            }
            try {
                return LocalDate.parse(value.trim());
            } catch (DateTimeParseException e) {
                throw ProblemException.invalid(name, "not a date (yyyy-mm-dd, e.g. 2022-06-30): " + abbreviate(value));
            }
        }

        @Override
        public String toString(LocalDate value) {
            return value == null ? null : value.toString();
        }

        private static String abbreviate(String s) {
            return s.length() > 40 ? s.substring(0, 40) + "…" : s;
        }
    }
}
