package dev.catalog.infra;

import java.util.ArrayList;
import java.util.List;

/**
 * The cfn-lint findings the project accepts, each with its reason: one entry a line,
 * {@code <rule> <template path> <reason>}, where the path is where cfn-lint puts the finding (parts joined by '/')
 * and an entry covers the findings of its rule at that path or below it. '#' starts a comment line.
 */
final class CfnLintIgnores {

    record Entry(String rule, String path, String reason) {

        boolean covers(CfnLint.Finding finding) {
            return finding.rule().equals(rule) && (finding.path().equals(path) || finding.path().startsWith(path + "/"));
        }
    }

    private final List<Entry> entries;

    private CfnLintIgnores(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** @throws IllegalArgumentException naming every line that is not a rule, a path and a reason */
    static CfnLintIgnores parse(String text) {
        List<Entry> entries = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\s+", 3);
            if (parts.length < 3 || !parts[0].matches("[EWI]\\d{4}") || parts[2].isBlank()) {
                problems.add("line " + (i + 1) + " is not '<rule> <template path> <reason>': " + line);
            } else {
                entries.add(new Entry(parts[0], parts[1], parts[2].strip()));
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return new CfnLintIgnores(entries);
    }

    /** The findings no entry covers. */
    List<CfnLint.Finding> unexplained(List<CfnLint.Finding> findings) {
        return findings.stream().filter(finding -> entries.stream().noneMatch(entry -> entry.covers(finding))).toList();
    }

    /** The entries that cover none of these findings: stale, to be removed so the file keeps meaning something. */
    List<Entry> unused(List<CfnLint.Finding> findings) {
        return entries.stream().filter(entry -> findings.stream().noneMatch(entry::covers)).toList();
    }
}
