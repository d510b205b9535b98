package dev.catalog.local.stack;

import dev.catalog.local.process.StackLayout;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What to run and where.
 *
 * @param projectDir the repository root: template.yaml, the deployment packages it names, infra/
 * @param layout     where this stack keeps data, logs and pid files
 * @param fresh      wipe the stack's data first
 */
public record StackSettings(Path projectDir, StackLayout layout, StackPorts ports, boolean fresh) {

    public StackSettings {
        projectDir = Objects.requireNonNull(projectDir, "projectDir").toAbsolutePath().normalize();
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(ports, "ports");
    }

    public Path template() {
        return projectDir.resolve("template.yaml");
    }

    /** The stack of {@code ./catalog up}: {@code .local/} under the project, the documented ports. */
    public static StackSettings local(Path projectDir, boolean fresh) {
        Path local = projectDir.resolve(".local");
        return new StackSettings(projectDir, new StackLayout(local, local.resolve("dist")), StackPorts.defaults(), fresh);
    }
}
