package dev.catalog.projection.readmodel;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Compares two models per tenant by count and checksum (SHA-256 over the sorted lines); where they differ, names the
 * tenant, both counts and a few of the lines that differ.
 */
final class Comparison {

    private static final int EXAMPLES = 3;

    private Comparison() {
    }

    static <T> List<String> perTenant(String what, List<T> expected, List<T> actual, Function<T, String> tenant,
                                      Function<T, String> line) {
        Map<String, TreeSet<String>> expectedLines = byTenant(expected, tenant, line);
        Map<String, TreeSet<String>> actualLines = byTenant(actual, tenant, line);
        TreeSet<String> tenants = new TreeSet<>(expectedLines.keySet());
        tenants.addAll(actualLines.keySet());
        List<String> findings = new ArrayList<>();
        for (String name : tenants) {
            TreeSet<String> want = expectedLines.getOrDefault(name, new TreeSet<>());
            TreeSet<String> have = actualLines.getOrDefault(name, new TreeSet<>());
            if (checksum(want).equals(checksum(have))) {
                continue;
            }
            List<String> missing = want.stream().filter(l -> !have.contains(l)).limit(EXAMPLES).toList();
            List<String> unexpected = have.stream().filter(l -> !want.contains(l)).limit(EXAMPLES).toList();
            findings.add("tenant " + name + ": " + what + " write model " + want.size() + " (checksum " + checksum(want).substring(0, 12)
                    + "), rebuilt " + have.size() + " (checksum " + checksum(have).substring(0, 12) + "); expected but not found "
                    + missing + "; found but not expected " + unexpected);
        }
        return findings;
    }

    private static <T> Map<String, TreeSet<String>> byTenant(List<T> items, Function<T, String> tenant, Function<T, String> line) {
        Map<String, TreeSet<String>> lines = new TreeMap<>();
        for (T item : items) {
            lines.computeIfAbsent(tenant.apply(item), name -> new TreeSet<>()).add(line.apply(item));
        }
        return lines;
    }

    private static String checksum(TreeSet<String> lines) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String line : lines) {
                digest.update(line.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) '\n');
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
