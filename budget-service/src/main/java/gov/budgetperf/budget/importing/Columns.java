package gov.budgetperf.budget.importing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import gov.budgetperf.common.problem.Violation;

/** Maps header names (English or Chinese) to column positions. */
final class Columns {

    /** Canonical name → accepted header spellings. */
    private final Map<String, List<String>> aliases;
    private final List<String> required;
    private final Map<String, Integer> index = new HashMap<>();

    Columns(LinkedHashMap<String, List<String>> aliases, List<String> required) {
        this.aliases = aliases;
        this.required = required;
    }

    /** Reads the header row; returns what is wrong with it (empty when usable). */
    List<Violation> header(List<String> cells) {
        Map<String, String> lookup = new HashMap<>();
        aliases.forEach((canonical, names) -> {
            lookup.put(canonical.toLowerCase(Locale.ROOT), canonical);
            names.forEach(n -> lookup.put(n.toLowerCase(Locale.ROOT), canonical));
        });
        for (int i = 0; i < cells.size(); i++) {
            String canonical = lookup.get(cells.get(i).trim().toLowerCase(Locale.ROOT));
            if (canonical != null) {
                index.putIfAbsent(canonical, i);
            }
        }
        List<Violation> missing = new ArrayList<>();
        for (String r : required) {
            if (!index.containsKey(r)) {
                missing.add(new Violation(r, "required column is missing from the header (accepted names: " + r + ", "
                        + String.join(", ", aliases.get(r)) + ")", 1L));
            }
        }
        return missing;
    }

    /** The trimmed cell of a column, or "" when absent. */
    String get(List<String> cells, String column) {
        Integer i = index.get(column);
        if (i == null || i >= cells.size()) {
            return "";
        }
        String v = cells.get(i);
        return v == null ? "" : v.trim();
    }
}
