package dev.catalog.systemtest.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Compares what product search finds for a tenant with the tenant's write model, product by product. */
public final class SearchModelCheck {

    private static final String WRITE_MODEL = """
            select p.id::text as id, p.version, p.name, coalesce(p.gtin, '') as gtin, p.price_amount, p.price_currency,
                   coalesce((select sum(quantity) from stock_level s where s.tenant_id = p.tenant_id and s.product_id = p.id), 0) as stock
              from product p where p.tenant_id = ?
            """;

    private SearchModelCheck() {
    }

    public static List<String> differences(StackClient stack, String tenant) {
        Set<String> written = stack.db().rows(WRITE_MODEL, tenant).stream()
                .map(row -> String.join("|", row.get("id").toString(), row.get("version").toString(), row.get("name").toString(),
                        row.get("gtin").toString(), amount(row.get("price_amount").toString(), row.get("price_currency").toString()), row.get("stock").toString()))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> found = new TreeSet<>();
        String cursor = null;
        do {
            ApiCall call = ApiCall.to("GET /products/search").tenant(tenant).query("sort", "name").query("limit", "100");
            if (cursor != null) {
                call.query("cursor", cursor);
            }
            JsonNode page = stack.overHttp(call).json();
            for (JsonNode item : page.get("items")) {
                found.add(String.join("|", item.get("id").asText(), item.get("version").asText(), item.get("name").asText(),
                        item.path("gtin").isTextual() ? item.get("gtin").asText() : "", item.at("/price/amount").asText(), item.get("stockTotal").asText()));
            }
            cursor = page.path("nextCursor").isTextual() ? page.get("nextCursor").asText() : null;
        } while (cursor != null);
        List<String> differences = new ArrayList<>();
        written.stream().filter(line -> !found.contains(line)).forEach(line -> differences.add("not found by search: " + line));
        found.stream().filter(line -> !written.contains(line)).forEach(line -> differences.add("found but not written: " + line));
        return differences;
    }

    private static String amount(String amount, String currency) {
        return new java.math.BigDecimal(amount).setScale(java.util.Currency.getInstance(currency).getDefaultFractionDigits()).toPlainString();
    }
}
