package gov.budgetperf.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What deploy/README.md documents, read from its tables: the configuration table of each service (section
 * "Configuration", one "### service" subsection each, variable names in backticks in the first column) and the
 * table of Secrets created outside the manifests (section "Secrets", name in the first column, keys in the second).
 */
final class Readme {

    private static final Pattern BACKTICKED = Pattern.compile("`([^`]+)`");

    final String text;

    private Readme(String text) {
        this.text = text;
    }

    static Readme load() {
        try {
            return new Readme(Files.readString(Overlay.DEPLOY.resolve("README.md")));
        } catch (IOException e) {
            throw new UncheckedIOException("deploy/README.md is missing", e);
        }
    }

    /** The level-2 section with this title (up to the next level-2 heading), or "" when absent. */
    String section(String title) {
        return section(text, "## ", title);
    }

    /** The lines under the heading {@code marker + title}, up to the next heading of the same or a higher level. */
    private static String section(String text, String marker, String title) {
        int level = marker.strip().length();
        StringBuilder out = new StringBuilder();
        boolean inside = false;
        boolean fenced = false;
        for (String line : text.split("\n", -1)) {
            if (line.strip().startsWith("```")) {
                fenced = !fenced;
            }
            int heading = !fenced && line.matches("^#{1,6} .*") ? line.indexOf(' ') : 0;
            if (heading > 0 && heading <= level) {
                inside = heading == level && line.substring(heading).strip().equals(title);
                continue;
            }
            if (inside) {
                out.append(line).append('\n');
            }
        }
        return out.toString();
    }

    /** The variables documented for one service: first-column names of the table under "### service". */
    Set<String> documentedVariables(String service) {
        String table = section(section("Configuration"), "### ", service);
        Set<String> names = new LinkedHashSet<>();
        for (List<String> row : rows(table)) {
            Matcher m = BACKTICKED.matcher(row.get(0));
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    /** Secrets the operator creates by hand: name to documented keys. */
    Map<String, Set<String>> documentedSecrets() {
        Map<String, Set<String>> secrets = new LinkedHashMap<>();
        for (List<String> row : rows(section("Secrets"))) {
            if (row.size() < 2) {
                continue;
            }
            Matcher name = BACKTICKED.matcher(row.get(0));
            if (!name.find()) {
                continue;
            }
            Set<String> keys = new LinkedHashSet<>();
            Matcher key = BACKTICKED.matcher(row.get(1));
            while (key.find()) {
                keys.add(key.group(1));
            }
            secrets.put(name.group(1), keys);
        }
        return secrets;
    }

    /** The cells of every table row (header and separator rows skipped). */
    private static List<List<String>> rows(String markdown) {
        return markdown.lines().map(String::strip).filter(l -> l.startsWith("|") && !l.matches("^\\|[\\s|:-]+\\|$"))
                .map(l -> List.of(l.substring(1, l.length() - 1).split("\\|"))).map(cells -> cells.stream()
                        .map(String::strip).toList())
                .filter(cells -> !cells.isEmpty() && BACKTICKED.matcher(cells.get(0)).find()).toList();
    }
}
