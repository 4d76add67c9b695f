package io.github.srboot.sample;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Generates the sample's data the way a source system would produce it: a history of orders to bulk-load, then a
 * feed of changes (inserts, updates, deletes, and late updates that arrive after a newer change of the same order).
 * It also keeps the state the {@code orders} table must end in, to check what the loads did: deletes are soft, so a
 * deleted order stays as a row marked deleted, with the delete's version.
 *
 * <p>Seeded: the same seed gives the same orders and changes on every run.
 */
final class OrderFeed {

    private static final LocalDate FIRST_DAY = LocalDate.of(2025, 1, 1);

    private static final int DAYS = 31;

    private static final int CUSTOMERS = 500;

    private final Random random;

    /** The orders that exist at the source now, by key. */
    private final Map<Order.Key, Order> current = new LinkedHashMap<>();

    /** The rows the table must hold after every change so far (deleted orders included), by key. */
    private final Map<Order.Key, ExpectedRow> expected = new LinkedHashMap<>();

    /** The state each order had before its last change: what a late event re-sends. */
    private final Map<Order.Key, Order> previous = new LinkedHashMap<>();

    private final Map<OrderChange.Kind, Integer> counts = new EnumMap<>(OrderChange.Kind.class);

    private long nextOrderId = 1;

    private long nextChangeSeq = 1;

    OrderFeed(long seed) {
        this.random = new Random(seed);
    }

    /**
     * New orders placed before the feed starts, in the states they reached.
     */
    List<Order> history(int count) {
        List<Order> orders = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Order order = newOrder(pick("new", "paid", "shipped"));
            this.current.put(order.key(), order);
            this.expected.put(order.key(), new ExpectedRow(order.changeSeq(), false));
            orders.add(order);
        }
        return orders;
    }

    /**
     * The next {@code count} change events: about 30 % inserts, 50 % updates, 10 % deletes and 10 % late updates.
     */
    List<OrderChange> changes(int count) {
        List<OrderChange> changes = new ArrayList<>(count);
        while (changes.size() < count) {
            int dice = this.random.nextInt(100);
            OrderChange change;
            if (dice < 30 || this.current.isEmpty()) {
                change = insert();
            }
            else if (dice < 80) {
                change = update();
            }
            else if (dice < 90) {
                change = delete();
            }
            else {
                change = lateUpdate();
            }
            if (change != null) {
                this.counts.merge(change.kind(), 1, Integer::sum);
                changes.add(change);
            }
        }
        return changes;
    }

    /**
     * The rows the table must hold after the history and every change so far, by key.
     */
    Map<Order.Key, ExpectedRow> expectedRows() {
        return Map.copyOf(this.expected);
    }

    /**
     * How many changes of each kind were generated.
     */
    Map<OrderChange.Kind, Integer> counts() {
        return new EnumMap<>(this.counts);
    }

    private OrderChange insert() {
        Order order = newOrder("new");
        this.current.put(order.key(), order);
        this.expected.put(order.key(), new ExpectedRow(order.changeSeq(), false));
        return new OrderChange(OrderChange.Kind.INSERT, order, order.changeSeq());
    }

    private OrderChange update() {
        Order before = anyCurrentOrder();
        String status = switch (before.status()) {
            case "new" -> pick("paid", "cancelled");
            case "paid" -> pick("shipped", "cancelled");
            default -> before.status();
        };
        BigDecimal amount = "new".equals(before.status()) ? randomAmount() : before.amount();
        Order after = before.changed(status, amount, this.nextChangeSeq++, before.updatedAt().plusMinutes(5));
        this.previous.put(after.key(), before);
        this.current.put(after.key(), after);
        this.expected.put(after.key(), new ExpectedRow(after.changeSeq(), false));
        return new OrderChange(OrderChange.Kind.UPDATE, after, after.changeSeq());
    }

    private OrderChange delete() {
        Order order = anyCurrentOrder();
        long version = this.nextChangeSeq++;
        this.current.remove(order.key());
        this.previous.put(order.key(), order);
        this.expected.put(order.key(), new ExpectedRow(version, true));
        return new OrderChange(OrderChange.Kind.DELETE, order, version);
    }

    /** Re-sends the state an order had before its last change; null when no order was changed yet. */
    private OrderChange lateUpdate() {
        if (this.previous.isEmpty()) {
            return null;
        }
        List<Order> updatedBefore = new ArrayList<>(this.previous.values());
        Order stale = updatedBefore.get(this.random.nextInt(updatedBefore.size()));
        return new OrderChange(OrderChange.Kind.LATE_UPDATE, stale, stale.changeSeq());
    }

    private Order newOrder(String status) {
        long orderId = this.nextOrderId++;
        LocalDate day = FIRST_DAY.plusDays(this.random.nextInt(DAYS));
        LocalDateTime placedAt = day.atStartOfDay().plusSeconds(this.random.nextInt(86_400));
        return new Order(orderId, day, 1 + this.random.nextInt(CUSTOMERS), status, randomAmount(),
                this.nextChangeSeq++, placedAt);
    }

    private Order anyCurrentOrder() {
        // Picking by position in a copy is linear, which is fine for the sample's few thousand orders.
        List<Order> orders = new ArrayList<>(this.current.values());
        return orders.get(this.random.nextInt(orders.size()));
    }

    private BigDecimal randomAmount() {
        return BigDecimal.valueOf(100 + this.random.nextInt(99_900), 2).setScale(2, RoundingMode.UNNECESSARY);
    }

    private String pick(String... choices) {
        return choices[this.random.nextInt(choices.length)];
    }

    /**
     * What the table must hold for one order.
     *
     * @param version the version of the order's last change
     * @param deleted whether that change deleted it
     */
    record ExpectedRow(long version, boolean deleted) {
    }

}
