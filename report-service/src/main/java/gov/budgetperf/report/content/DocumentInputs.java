package gov.budgetperf.report.content;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The versions of every input a document is built from, recorded with the document so that an event saying an input
 * changed marks it stale. Keys are described in the migration (table document_input).
 */
public final class DocumentInputs {

    public enum Kind {
        DEPARTMENT, BUDGET, EVALUATION, SUBJECT_EVALUATIONS, NARRATIVE, REGION
    }

    public record Input(Kind kind, String key, long version, String ref) {
    }

    private final List<Input> inputs = new ArrayList<>();

    public DocumentInputs add(Kind kind, String key, long version, String ref) {
        inputs.removeIf(i -> i.kind() == kind && i.key().equals(key));
        inputs.add(new Input(kind, key, version, ref == null ? "" : ref));
        return this;
    }

    public List<Input> all() {
        return Collections.unmodifiableList(inputs);
    }

    public static String budgetKey(String department, int year) {
        return department + ":" + year;
    }

    public static String subjectKey(String department, int year, String project) {
        return project == null || project.isEmpty() ? department + ":" + year : department + ":" + year + ":" + project;
    }
}
