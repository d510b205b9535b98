package dev.catalog.platform.projection;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The read models, by the names the version ledger, rebuild requests, dead letters and operators use. The one list
 * of them: a new read model is a constant here (the compiler then asks for its arm in the projections' registry).
 */
public enum ProjectionName {

    /** Product detail pages: the PostgreSQL schemas {@code read_v<N>}. */
    DETAIL("detail", "DetailProjectionFunction", "PostgreSQL read schema", "readable at once"),
    /** Full-text search and facets: the OpenSearch indices {@code products_v<N>}/{@code categories_v<N>}. */
    SEARCH("search", "SearchProjectionFunction", "OpenSearch index", "searchable at the index's next refresh");

    /** What a rebuild request names to rebuild every read model together. */
    public static final String ALL = "all";

    private final String id;
    private final String liveFunction;
    private final String store;
    private final String visibility;

    ProjectionName(String id, String liveFunction, String store, String visibility) {
        this.id = id;
        this.liveFunction = liveFunction;
        this.store = store;
        this.visibility = visibility;
    }

    /** As stored in {@code projection_version.projection} and named in requests. */
    public String id() {
        return id;
    }

    /** template.yaml's logical id of the function that writes it live (the target of its event source mapping). */
    public String liveFunction() {
        return liveFunction;
    }

    /** What holds it, as operators' pages describe it. */
    public String store() {
        return store;
    }

    /** When an applied event shows to its readers, as the lag chart labels it. */
    public String visibility() {
        return visibility;
    }

    public static ProjectionName of(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("projection must be "
                + String.join(" or ", ids()) + ", not " + id));
    }

    /** The read models a rebuild request names: one, or every one for {@link #ALL}. */
    public static List<ProjectionName> named(String request) {
        if (ALL.equals(request)) {
            return List.of(values());
        }
        return List.of(find(request).orElseThrow(() -> new IllegalArgumentException("projection must be "
                + String.join(", ", ids()) + " or " + ALL + ", not " + request)));
    }

    /** The read model of that name, if there is one (a stored or requested name may be anything). */
    public static Optional<ProjectionName> find(String id) {
        return Arrays.stream(values()).filter(name -> name.id.equals(id)).findFirst();
    }

    private static List<String> ids() {
        return Arrays.stream(values()).map(ProjectionName::id).toList();
    }
}
