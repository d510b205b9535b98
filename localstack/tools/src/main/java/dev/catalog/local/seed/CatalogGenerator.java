package dev.catalog.local.seed;

import dev.catalog.local.seed.Vocabulary.CategoryNode;
import dev.catalog.local.seed.Vocabulary.Department;
import dev.catalog.local.seed.Vocabulary.ProductType;
import dev.catalog.local.seed.Vocabulary.Shop;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Generates a multi-tenant catalog from a {@link Vocabulary} and a {@link SeedPlan}, deterministically: every value
 * is drawn from a random stream seeded by the plan's seed, the tenant and the product's index, so a product is the
 * same whichever order products are generated in, and a larger plan extends a smaller one.
 *
 * <p>Each tenant sells in a few of the vocabulary's departments (the first, largest tenant in all); products are spread over the leaf categories,
 * with skewed choices (some brands, colours and sizes sell far more than others), prices in the shop's currency
 * rounded the way shops price ({@code 89.90}, {@code 12,800} yen), a mix of statuses and stock levels.
 * Tenants get catalogs of different sizes: the first the largest, as in any real multi-tenant system.
 */
public final class CatalogGenerator {

    static final int DEPARTMENTS_PER_TENANT = 4;
    static final double UNCATEGORIZED = 0.02;
    static final double UNBRANDED = 0.03;
    static final double DRAFT = 0.12;
    static final double DISCONTINUED = 0.08;
    static final double NEVER_STOCKED = 0.15;
    static final double OUT_OF_STOCK = 0.10;
    static final int MAX_QUANTITY = 400;
    private static final int[] CENTS = {99, 95, 90, 0, 50};
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");

    /** Which product of which tenant: {@code tenant} indexes {@link #tenants()}. */
    public record ProductRef(int tenant, int index) {
    }

    /** A leaf category with what its products are made of. */
    private record Shelf(Department department, String categoryPath, List<ProductType> types,
                         Map<String, List<String>> attributes, List<String> features) {
    }

    private record Tenant(TenantSeed seed, Shop shop, List<Shelf> shelves) {
    }

    private final SeedPlan plan;
    private final List<Tenant> tenants;
    private final String seedTag;

    public CatalogGenerator(Vocabulary vocabulary, SeedPlan plan) {
        this.plan = plan;
        this.seedTag = seedTag(plan.seed());
        int[] counts = productsPerTenant(plan.products(), plan.tenants().size());
        List<Tenant> built = new ArrayList<>();
        for (int i = 0; i < plan.tenants().size(); i++) {
            Shop shop = vocabulary.shops().get(i % vocabulary.shops().size()).withTenant(plan.tenants().get(i));
            built.add(tenant(vocabulary, i, shop, counts[i]));
        }
        this.tenants = List.copyOf(built);
    }

    public SeedPlan plan() {
        return plan;
    }

    public List<TenantSeed> tenants() {
        return tenants.stream().map(Tenant::seed).toList();
    }

    /** Product {@code index} of tenant {@code tenantIndex}. */
    public ProductSeed product(int tenantIndex, int index) {
        Tenant tenant = tenants.get(tenantIndex);
        SplittableRandom random = random(tenantIndex, index);
        Shelf shelf = tenant.shelves().get(random.nextInt(tenant.shelves().size()));
        Department department = shelf.department();
        ProductType type = shelf.types().get(random.nextInt(shelf.types().size()));
        String line = department.lines().get(random.nextInt(department.lines().size()));
        TreeMap<String, String> attributes = new TreeMap<>();
        shelf.attributes().forEach((name, values) -> attributes.put(name, skewed(random, values)));
        String brand = random.nextDouble() < UNBRANDED ? null : skewed(random, department.brands());
        String categoryPath = random.nextDouble() < UNCATEGORIZED ? null : shelf.categoryPath();
        BigDecimal price = price(random, type, tenant.shop());
        ProductSeed.Status status = status(random.nextDouble());
        TreeMap<String, Integer> stock = stock(random, tenant.shop().warehouses());
        String name = line + " " + type.name() + (attributes.containsKey("color") ? " – " + titleCase(attributes.get("color")) : "");
        String description = description(random, shelf, line, type, brand, attributes);
        String sku = department.skuPrefix() + "-" + seedTag + "-" + base36(index, 6);
        return new ProductSeed(tenant.seed().tenant(), index, sku, name, description, brand, categoryPath, price,
                tenant.shop().currency(), attributes, status, stock);
    }

    /**
     * Every product of the plan once, tenants interleaved in proportion to their size, so that at any moment of
     * seeding every tenant has about the same share of its catalog done.
     */
    public List<ProductRef> order() {
        int[] assigned = new int[tenants.size()];
        List<ProductRef> order = new ArrayList<>(plan.products());
        for (int n = 0; n < plan.products(); n++) {
            int next = -1;
            double earliest = Double.MAX_VALUE;
            for (int t = 0; t < tenants.size(); t++) {
                int count = tenants.get(t).seed().products();
                if (assigned[t] < count && (assigned[t] + 1.0) / count < earliest) {
                    earliest = (assigned[t] + 1.0) / count;
                    next = t;
                }
            }
            order.add(new ProductRef(next, assigned[next]++));
        }
        return order;
    }

    private Tenant tenant(Vocabulary vocabulary, int index, Shop shop, int products) {
        SplittableRandom random = random(index, -1);
        List<Integer> chosen = new ArrayList<>();
        for (int i = 0; i < vocabulary.departments().size(); i++) {
            chosen.add(i);
        }
        // The first tenant, the largest, sells in every department: the one to demonstrate and benchmark search on.
        int count = index == 0 ? chosen.size() : Math.min(DEPARTMENTS_PER_TENANT, chosen.size());
        // A partial Fisher-Yates shuffle picks the departments; they keep the vocabulary's order.
        for (int i = 0; i < count; i++) {
            Collections.swap(chosen, i, i + random.nextInt(chosen.size() - i));
        }
        List<Integer> departments = chosen.subList(0, count).stream().sorted().toList();

        List<CategorySeed> categories = new ArrayList<>();
        List<Shelf> shelves = new ArrayList<>();
        LinkedHashSet<String> brands = new LinkedHashSet<>();
        for (int d : departments) {
            Department department = vocabulary.departments().get(d);
            brands.addAll(department.brands());
            categories.add(new CategorySeed(department.name(), department.name(), null));
            for (CategoryNode node : department.categories()) {
                addCategory(department, node, department.name(), department.attributes(), department.features(), categories, shelves);
            }
        }
        TenantSeed seed = new TenantSeed(index, shop.tenant(), shop.currency(), shop.warehouses(), categories,
                List.copyOf(brands), products);
        return new Tenant(seed, shop, List.copyOf(shelves));
    }

    private static void addCategory(Department department, CategoryNode node, String parentPath,
                                    Map<String, List<String>> inheritedAttributes, List<String> inheritedFeatures,
                                    List<CategorySeed> categories, List<Shelf> shelves) {
        String path = parentPath + CategorySeed.SEPARATOR + node.name();
        categories.add(new CategorySeed(path, node.name(), parentPath));
        Map<String, List<String>> attributes = new LinkedHashMap<>(inheritedAttributes);
        attributes.putAll(node.attributes());
        List<String> features = new ArrayList<>(inheritedFeatures);
        features.addAll(node.features());
        if (node.children().isEmpty()) {
            shelves.add(new Shelf(department, path, node.products(), attributes, List.copyOf(features)));
        }
        for (CategoryNode child : node.children()) {
            addCategory(department, child, path, attributes, features, categories, shelves);
        }
    }

    /** Sizes falling off as 1, 1/2, 1/3...: the first tenant is the largest. */
    static int[] productsPerTenant(int products, int tenants) {
        double harmonic = 0;
        for (int i = 1; i <= tenants; i++) {
            harmonic += 1.0 / i;
        }
        int[] counts = new int[tenants];
        int assigned = 0;
        for (int i = 0; i < tenants; i++) {
            counts[i] = (int) Math.floor(products / ((i + 1) * harmonic));
            assigned += counts[i];
        }
        for (int i = 0; assigned < products; i = (i + 1) % tenants) {
            counts[i]++;
            assigned++;
        }
        return counts;
    }

    /** An EUR price of the type's range, skewed to its cheaper end, converted and rounded as the shop prices. */
    static BigDecimal price(SplittableRandom random, ProductType type, Shop shop) {
        BigDecimal span = type.highest().subtract(type.lowest());
        BigDecimal eur = type.lowest().add(span.multiply(BigDecimal.valueOf(Math.pow(random.nextDouble(), 1.5))));
        BigDecimal amount = eur.multiply(shop.eurRate());
        int digits = Currency.getInstance(shop.currency()).getDefaultFractionDigits();
        BigDecimal price = switch (digits) {
            // Yen and the like: 12,800 rather than 12,793.
            case 0 -> amount.compareTo(BigDecimal.valueOf(1000)) >= 0
                    ? amount.divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP).multiply(BigDecimal.valueOf(100))
                    .subtract(BigDecimal.valueOf(random.nextBoolean() ? 20 : 0))
                    : amount.divide(BigDecimal.TEN, 0, RoundingMode.HALF_UP).multiply(BigDecimal.TEN).max(BigDecimal.TEN);
            // 89.99, 89.95, 89.90, 89.00, 89.50.
            case 2 -> {
                BigDecimal whole = amount.setScale(0, RoundingMode.FLOOR);
                BigDecimal cents = BigDecimal.valueOf(CENTS[random.nextInt(CENTS.length)], 2);
                BigDecimal candidate = whole.add(cents);
                yield candidate.signum() > 0 ? candidate : new BigDecimal("0.99");
            }
            // Dinars and the like: thousandths, in steps of five (12.345).
            case 3 -> amount.multiply(BigDecimal.valueOf(200)).setScale(0, RoundingMode.HALF_UP)
                    .divide(BigDecimal.valueOf(200)).max(new BigDecimal("0.005"));
            default -> amount.setScale(digits, RoundingMode.HALF_UP).max(BigDecimal.ONE.movePointLeft(digits));
        };
        return price.setScale(digits, RoundingMode.UNNECESSARY);
    }

    private static ProductSeed.Status status(double draw) {
        if (draw < DISCONTINUED) {
            return ProductSeed.Status.DISCONTINUED;
        }
        return draw < DISCONTINUED + DRAFT ? ProductSeed.Status.DRAFT : ProductSeed.Status.ACTIVE;
    }

    private static TreeMap<String, Integer> stock(SplittableRandom random, List<String> warehouses) {
        TreeMap<String, Integer> stock = new TreeMap<>();
        double draw = random.nextDouble();
        if (draw < NEVER_STOCKED) {
            return stock;
        }
        if (draw < NEVER_STOCKED + OUT_OF_STOCK) {
            stock.put(warehouses.getFirst(), 0);
            return stock;
        }
        List<String> remaining = new ArrayList<>(warehouses);
        int count = 1 + random.nextInt(Math.min(3, warehouses.size()));
        for (int i = 0; i < count; i++) {
            String warehouse = remaining.remove(random.nextInt(remaining.size()));
            stock.put(warehouse, 1 + (int) (MAX_QUANTITY * Math.pow(random.nextDouble(), 3)));
        }
        return stock;
    }

    private static String description(SplittableRandom random, Shelf shelf, String line, ProductType type,
                                      String brand, Map<String, String> attributes) {
        Department department = shelf.department();
        List<String> features = new ArrayList<>(shelf.features().stream()
                .filter(feature -> PLACEHOLDER.matcher(feature).results().allMatch(found -> attributes.containsKey(found.group(1))))
                .toList());
        StringBuilder text = new StringBuilder("The ").append(line).append(' ').append(type.name())
                .append(brand == null ? "" : " from " + brand).append('.');
        for (int i = 0; i < 2 && !features.isEmpty(); i++) {
            String feature = features.remove(random.nextInt(features.size()));
            Matcher placeholder = PLACEHOLDER.matcher(feature);
            text.append(' ').append(placeholder.replaceAll(found -> Matcher.quoteReplacement(attributes.get(found.group(1))))).append('.');
        }
        if (!department.closers().isEmpty()) {
            text.append(' ').append(department.closers().get(random.nextInt(department.closers().size())));
        }
        return text.toString();
    }

    /** Earlier values far more often than later ones: best sellers, common sizes. */
    private static String skewed(SplittableRandom random, List<String> values) {
        return values.get((int) (values.size() * Math.pow(random.nextDouble(), 1.6)));
    }

    private static String titleCase(String words) {
        StringBuilder title = new StringBuilder(words.length());
        boolean start = true;
        for (char c : words.toCharArray()) {
            title.append(start ? Character.toUpperCase(c) : c);
            start = c == ' ' || c == '-';
        }
        return title.toString();
    }

    /** Four letters or digits from the seed: SKUs of catalogs seeded from different seeds never meet. */
    private static String seedTag(long seed) {
        return base36(Math.floorMod(mix(seed), 36L * 36 * 36 * 36), 4);
    }

    private static String base36(long value, int width) {
        String digits = Long.toString(value, 36).toUpperCase(Locale.ROOT);
        return "0".repeat(Math.max(0, width - digits.length())) + digits;
    }

    /** The stream of tenant {@code tenant}'s item {@code item} (-1 for the tenant itself). */
    private SplittableRandom random(int tenant, long item) {
        return new SplittableRandom(mix(mix(plan.seed() ^ mix(tenant + 1L)) + item));
    }

    /** SplitMix64's finalizer: neighbouring inputs give unrelated outputs. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
