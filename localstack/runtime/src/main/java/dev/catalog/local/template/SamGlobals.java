package dev.catalog.local.template;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SAM's rules for merging a {@code Globals} section into a resource: mappings merge key by key (recursively), lists
 * add up (the global entries first), and for anything else, intrinsics included, the resource's own value wins.
 */
final class SamGlobals {

    private SamGlobals() {
    }

    static Map<String, Object> merge(Map<String, Object> global, Map<String, Object> resource) {
        Map<String, Object> merged = new LinkedHashMap<>(global);
        resource.forEach((key, value) -> merged.put(key, merged.containsKey(key) ? mergeValue(merged.get(key), value) : value));
        return Collections.unmodifiableMap(merged);
    }

    @SuppressWarnings("unchecked")
    private static Object mergeValue(Object global, Object resource) {
        if (global instanceof Map<?, ?> globalMap && resource instanceof Map<?, ?> resourceMap) {
            return merge((Map<String, Object>) globalMap, (Map<String, Object>) resourceMap);
        }
        if (global instanceof List<?> globalList && resource instanceof List<?> resourceList) {
            List<Object> merged = new ArrayList<>(globalList);
            merged.addAll(resourceList);
            return Collections.unmodifiableList(merged);
        }
        return resource;
    }
}
