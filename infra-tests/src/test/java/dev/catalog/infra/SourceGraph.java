package dev.catalog.infra;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which of the project's source files a handler can reach: from its class, every project class a file imports or
 * names (same package, single-type and on-demand imports, fully qualified names), transitively. Coarser than what
 * the JVM would load (a referenced class may never be used), far finer than whole modules: a function counts as
 * reading a variable only if code it can reach reads it.
 */
final class SourceGraph {

    private static final Pattern PACKAGE = Pattern.compile("(?m)^package\\s+([\\w.]+);");
    private static final Pattern IMPORT = Pattern.compile("(?m)^import\\s+(?:static\\s+)?([\\w.]+?)(\\.\\*)?;");
    private static final Pattern WORD = Pattern.compile("\\b[A-Z]\\w*\\b");

    /** Source file by fully qualified top-level class name. */
    private final Map<String, Path> sources = new LinkedHashMap<>();

    SourceGraph(Repository repository, Collection<String> modules) {
        for (String module : modules) {
            Path root = repository.directory(module).resolve("src/main/java");
            repository.mainSources(module).forEach(source -> sources.put(Repository.className(root, source), source));
        }
    }

    /** The files reachable from {@code className}'s file, itself included; empty when it is not a project class. */
    Set<Path> reachableFrom(String className) {
        String topLevel = className.contains("$") ? className.substring(0, className.indexOf('$')) : className;
        Set<Path> reached = new LinkedHashSet<>();
        Deque<String> pending = new ArrayDeque<>();
        pending.add(topLevel);
        while (!pending.isEmpty()) {
            Path file = sources.get(pending.removeFirst());
            if (file != null && reached.add(file)) {
                pending.addAll(referencedClasses(Repository.read(file)));
            }
        }
        return reached;
    }

    private Set<String> referencedClasses(String source) {
        Matcher packageDeclaration = PACKAGE.matcher(source);
        String ownPackage = packageDeclaration.find() ? packageDeclaration.group(1) : "";
        Set<String> packages = new LinkedHashSet<>(Set.of(ownPackage));
        Set<String> referenced = new LinkedHashSet<>();
        Matcher imported = IMPORT.matcher(source);
        while (imported.find()) {
            if (imported.group(2) != null) {
                packages.add(imported.group(1));
            } else {
                // A single-type or static import: the longest prefix that is a project class.
                for (String name = imported.group(1); name.contains("."); name = name.substring(0, name.lastIndexOf('.'))) {
                    if (sources.containsKey(name)) {
                        referenced.add(name);
                        break;
                    }
                }
            }
        }
        Matcher word = WORD.matcher(source);
        while (word.find()) {
            for (String candidatePackage : packages) {
                String candidate = candidatePackage.isEmpty() ? word.group() : candidatePackage + "." + word.group();
                if (sources.containsKey(candidate)) {
                    referenced.add(candidate);
                }
            }
        }
        sources.keySet().stream().filter(source::contains).forEach(referenced::add);
        return referenced;
    }
}
