/**
 * The catalog's domain model. A named module so that {@link dev.catalog.domain.shared.DomainEvent} can be sealed
 * across its packages (the compiler allows that only within one named module), and so that the compiler holds the
 * domain to the JDK: it requires nothing else.
 *
 * <p>The functions load the domain from their class path, as Lambda does: there this descriptor is ignored and the
 * domain belongs to the unnamed module of the function's class loader, which the JVM's check of the sealed types
 * accepts (the event families are public and loaded by that same loader).
 */
module dev.catalog.domain {
    exports dev.catalog.domain.category;
    exports dev.catalog.domain.inventory;
    exports dev.catalog.domain.product;
    exports dev.catalog.domain.shared;
}
