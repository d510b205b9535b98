package dev.catalog.projection.search;

import dev.catalog.platform.events.LoggedEvent;
import dev.catalog.platform.failure.ServiceUnavailableException;
import dev.catalog.projection.batch.NewestPerAggregate;
import dev.catalog.search.client.SearchCalls;
import dev.catalog.search.document.SearchFields;
import dev.catalog.search.index.SearchIndices;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.opensearch.client.json.JsonData;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.ErrorCause;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch._types.Script;
import org.opensearch.client.opensearch.core.BulkResponse;
import org.opensearch.client.opensearch.core.bulk.BulkOperation;
import org.opensearch.client.opensearch.core.bulk.BulkResponseItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a batch of events into one version of the search indices, in one bulk request, and says for each
 * event whether it was applied, stale, or refused as poison. The cluster being unreachable, overloaded or
 * failing, for the request or for any item, throws {@link ServiceUnavailableException}: the caller fails the
 * whole batch and it is delivered again, which is safe because every write is guarded by aggregate versions.
 *
 * <p>Each aggregate of the batch becomes one scripted upsert of one part of one document ({@link PartWrite}), from
 * its newest event: events are fat, so that one writes what all of them would, and OpenSearch re-indexes the document
 * once instead of once per event. The part is replaced only when the document holds it at an older version, so
 * duplicates and out-of-order deliveries change nothing, whatever the order events arrive in across aggregates. The
 * Kafka offset plays no part.
 */
public final class SearchIndexWriter {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexWriter.class);

    /**
     * The product and the inventory part of a document are written from different topics, possibly at the same
     * moment: OpenSearch re-runs the script on a version conflict, this many times, before failing the item.
     */
    static final int RETRIES_ON_CONFLICT = 5;

    /**
     * Writes {@code params.content} as part {@code params.part} unless the document already holds that part at a newer
     * version, or at the same one and {@code params.sameVersionRewrites} is false (the live path; replays rewrite it,
     * repairing what a faulty projection wrote). A document of another tenant under the same id is refused.
     */
    static final String VERSIONED_PART_WRITE = """
            if (ctx._source.tenantId != null && ctx._source.tenantId != params.tenantId) {
              throw new IllegalArgumentException('document ' + ctx._id + ' belongs to another tenant');
            }
            if (ctx._source.versions == null) {
              ctx._source.versions = new HashMap();
            }
            def written = ctx._source.versions[params.part];
            if (written != null && (written > params.version || (written == params.version && !params.sameVersionRewrites))) {
              ctx.op = 'noop';
            } else {
              ctx._source.tenantId = params.tenantId;
              ctx._source[params.idField] = params.id;
              ctx._source[params.part] = params.content;
              ctx._source.versions[params.part] = params.version;
            }
            """;

    /**
     * Merges a whole document of another version into this one, part by part: each part of {@code params.document}
     * replaces this one's only when this one holds it at an older version or not at all, the guard events go through.
     */
    static final String VERSIONED_DOCUMENT_MERGE = """
            if (ctx._source.tenantId != null && ctx._source.tenantId != params.document.tenantId) {
              throw new IllegalArgumentException('document ' + ctx._id + ' belongs to another tenant');
            }
            if (ctx._source.versions == null) {
              ctx._source.versions = new HashMap();
            }
            boolean changed = false;
            for (def part : params.document.versions.entrySet()) {
              def written = ctx._source.versions[part.getKey()];
              if (written == null || written < part.getValue()) {
                ctx._source[part.getKey()] = params.document[part.getKey()];
                ctx._source.versions[part.getKey()] = part.getValue();
                changed = true;
              }
            }
            if (changed) {
              ctx._source.tenantId = params.document.tenantId;
              ctx._source[params.idField] = params.document[params.idField];
            } else {
              ctx.op = 'noop';
            }
            """;

    /** Which events may overwrite a part: strictly newer ones (the live path), or the same version too (replays). */
    public enum Overwrite { NEWER, SAME_OR_NEWER }

    private final OpenSearchClient client;
    private final Overwrite overwrite;
    /**
     * Per products index: whether its definition maps the GTIN. Indices built before it keep their definition and
     * refuse unmapped fields, so they get products without it; asked once per index, as a mapping never loses a field.
     */
    private final Map<String, Boolean> mapsGtin = new ConcurrentHashMap<>();

    public SearchIndexWriter(OpenSearchClient client) {
        this(client, Overwrite.NEWER);
    }

    public SearchIndexWriter(OpenSearchClient client, Overwrite overwrite) {
        this.client = client;
        this.overwrite = overwrite;
    }

    /**
     * Applies {@code events} to version {@code target}: one bulk request with one write per aggregate, from its newest
     * event. Should OpenSearch refuse such a write, that aggregate's events are written again one by one, in a second
     * request, so each is answered for on its own (the older ones applied, the refused one poison) as if none had been
     * coalesced.
     *
     * @return one outcome per event, in the order of {@code events}; an event older than another of its aggregate in
     * the batch is {@link WriteOutcome.Stale}, unless that newer one was refused
     * @throws ServiceUnavailableException when OpenSearch cannot take the batch now; nothing is known about which
     *                                     events were applied, and applying them again is safe
     */
    public List<WriteOutcome> apply(SearchIndices target, List<LoggedEvent> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        boolean withGtin = mapsGtin(target.products());
        List<LoggedEvent> newest = NewestPerAggregate.of(events);
        Map<LoggedEvent, WriteOutcome> outcomes = new IdentityHashMap<>();
        Set<String> refused = new HashSet<>();
        List<WriteOutcome> written = write(target, newest, withGtin);
        for (WriteOutcome outcome : written) {
            String aggregate = NewestPerAggregate.key(outcome.event());
            if (outcome instanceof WriteOutcome.Rejected
                    && events.stream().anyMatch(other -> other != outcome.event() && NewestPerAggregate.key(other).equals(aggregate))) {
                refused.add(aggregate);
            } else {
                outcomes.put(outcome.event(), outcome);
            }
        }
        if (!refused.isEmpty()) {
            List<LoggedEvent> oneByOne = events.stream().filter(event -> refused.contains(NewestPerAggregate.key(event))).toList();
            write(target, oneByOne, withGtin).forEach(outcome -> outcomes.put(outcome.event(), outcome));
        }
        return events.stream()
                .map(event -> outcomes.getOrDefault(event, new WriteOutcome.Stale(event)))
                .toList();
    }

    /** One bulk request, one scripted upsert per event, one outcome per event in their order. */
    private List<WriteOutcome> write(SearchIndices target, List<LoggedEvent> events, boolean withGtin) {
        List<BulkOperation> operations = events.stream()
                .map(event -> operation(target, PartWrite.of(event.event(), withGtin), overwrite == Overwrite.SAME_OR_NEWER))
                .toList();
        BulkResponse response = SearchCalls.call("bulk write of " + events.size() + " events to version " + target.version(),
                () -> client.bulk(bulk -> bulk.operations(operations)));
        if (response.items().size() != events.size()) {
            throw new IllegalStateException("OpenSearch answered " + response.items().size() + " items for "
                    + events.size() + " bulk operations");
        }
        List<WriteOutcome> outcomes = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            outcomes.add(outcome(events.get(i), response.items().get(i)));
        }
        return outcomes;
    }

    /**
     * Merges documents read from another version into {@code index} (products or categories of this one), in one bulk
     * request, under the same per-part version guards as events: the copy of a LIVE version into one the live path
     * already writes ends, whatever lands first, with the newer of each part.
     *
     * @param idField   the documents' own id property ({@code productId}, {@code categoryId})
     * @param documents each document's id and source
     */
    public void merge(String index, String idField, Map<String, Object> documents) {
        if (documents.isEmpty()) {
            return;
        }
        List<BulkOperation> operations = documents.entrySet().stream().map(document -> BulkOperation.of(op -> op
                .<Map<String, Object>>update(update -> update.index(index).id(document.getKey())
                        .script(Script.of(s -> s.inline(inline -> inline.source(VERSIONED_DOCUMENT_MERGE).params(Map.of(
                                "idField", JsonData.of(idField), "document", JsonData.of(document.getValue()))))))
                        .scriptedUpsert(true)
                        .upsert(Map.of())
                        .retryOnConflict(RETRIES_ON_CONFLICT)))).toList();
        BulkResponse response = SearchCalls.call("merge of " + documents.size() + " documents into " + index,
                () -> client.bulk(bulk -> bulk.operations(operations)));
        for (BulkResponseItem item : response.items()) {
            if (item.error() != null) {
                throw new ServiceUnavailableException(SearchCalls.SERVICE, "merging " + item.index() + "/" + item.id()
                        + " answered " + item.status() + ": " + describe(item.error()), null);
            }
        }
    }

    private boolean mapsGtin(String index) {
        Boolean known = mapsGtin.get(index);
        if (known == null) {
            try {
                known = SearchCalls.call("mapping of " + index, () -> client.indices()
                        .getFieldMapping(request -> request.index(index).fields(SearchFields.GTIN_KEY)))
                        .result().values().stream().anyMatch(mapping -> mapping.mappings().containsKey(SearchFields.GTIN_KEY));
            } catch (OpenSearchException missing) {
                // A missing index says nothing about the events: the batch fails and is retried, as for the writes.
                throw new ServiceUnavailableException(SearchCalls.SERVICE, "mapping of " + index + " answered "
                        + missing.status() + ": " + missing.getMessage(), missing);
            }
            mapsGtin.put(index, known);
        }
        return known;
    }

    private static BulkOperation operation(SearchIndices target, PartWrite write, boolean sameVersionRewrites) {
        Script script = Script.of(s -> s.inline(inline -> inline
                .source(VERSIONED_PART_WRITE)
                .params(Map.of(
                        "tenantId", JsonData.of(write.tenantId()),
                        "idField", JsonData.of(write.idField()),
                        "id", JsonData.of(write.documentId()),
                        "part", JsonData.of(write.part()),
                        "version", JsonData.of(write.version()),
                        "sameVersionRewrites", JsonData.of(sameVersionRewrites),
                        "content", JsonData.of(write.content())))));
        return BulkOperation.of(op -> op.<Map<String, Object>>update(update -> update
                .index(write.index().in(target))
                .id(write.documentId())
                .script(script)
                // The script also creates the document (from an empty one) when it does not exist yet.
                .scriptedUpsert(true)
                .upsert(Map.of())
                .retryOnConflict(RETRIES_ON_CONFLICT)));
    }

    private static WriteOutcome outcome(LoggedEvent event, BulkResponseItem item) {
        ErrorCause error = item.error();
        if (error == null) {
            return "noop".equals(item.result()) ? new WriteOutcome.Stale(event) : new WriteOutcome.Applied(event);
        }
        if (refusesTheEvent(item.status(), error)) {
            String reason = describe(error);
            log.warn("search index refused event {} ({} of {} {} v{}): {}", event.envelope().eventId(),
                    event.envelope().eventType(), event.envelope().aggregateType(), event.envelope().aggregateId(),
                    event.event().aggregateVersion(), reason);
            return new WriteOutcome.Rejected(event, reason);
        }
        throw new ServiceUnavailableException(SearchCalls.SERVICE, "writing " + item.index() + "/" + item.id()
                + " answered " + item.status() + ": " + describe(error), null);
    }

    /**
     * A 400 refuses what the event holds (a value the mapping cannot take, a tenant clash): poison. Everything
     * else says something about the cluster, not the event: overload (429), a conflict still unresolved after the
     * retries (409), a missing or closed index, a failing node. Those fail the batch, to be retried.
     */
    private static boolean refusesTheEvent(int status, ErrorCause error) {
        return status == 400 && !"index_closed_exception".equals(error.type());
    }

    /** The error with its chain of causes: the script's own message is usually at the end. */
    private static String describe(ErrorCause error) {
        StringBuilder description = new StringBuilder();
        for (ErrorCause cause = error; cause != null; cause = cause.causedBy()) {
            if (!description.isEmpty()) {
                description.append("; caused by ");
            }
            description.append(cause.type()).append(": ").append(cause.reason());
        }
        return description.toString();
    }
}
