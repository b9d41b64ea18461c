package dev.contacts.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.contacts.InvalidCursorException;
import dev.contacts.filter.Condition;
import dev.contacts.filter.Filter;
import dev.contacts.filter.Operator;
import dev.contacts.model.AttributeType;
import dev.contacts.model.ContactId;
import dev.contacts.query.Cursor;
import dev.contacts.query.Direction;
import dev.contacts.query.Sort;
import dev.contacts.spi.SeekOrder;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Keyset phases and cursor encoding. */
class PagingPlanTest {
    private static final ContactId ID = ContactId.parse("0190b0c4-7f3a-7cde-8a12-3456789abcde");

    @Test
    void firstPageWalksKnownValuesThenUnknownOnesByIdInBothDirections() {
        for (Direction d : Direction.values()) {
            List<KeysetPlanner.Phase> phases = KeysetPlanner.plan(new Sort("lastSeen", d), null);
            assertThat(phases).containsExactly(
                    new KeysetPlanner.Phase(Condition.of("lastSeen", Operator.HAS_ANY_VALUE), new SeekOrder("lastSeen", d)),
                    new KeysetPlanner.Phase(Condition.of("lastSeen", Operator.IS_UNKNOWN), new SeekOrder(null, d)));
        }
    }

    @Test
    void afterAKnownValueTheSeekIsIndexFriendly() {
        Instant v = Instant.parse("2026-01-01T00:00:00Z");
        List<KeysetPlanner.Phase> phases = KeysetPlanner.plan(Sort.desc("lastSeen"), new KeysetPlanner.Position(v, ID));
        assertThat(phases.get(0).predicate()).isEqualTo(Filter.and(Condition.of("lastSeen", Operator.LE, v),
                Filter.or(Condition.of("lastSeen", Operator.LT, v), Condition.of("id", Operator.LT, ID))));
        assertThat(phases.get(1).predicate()).isEqualTo(Condition.of("lastSeen", Operator.IS_UNKNOWN));
    }

    @Test
    void afterAnUnknownValueOnlyUnknownsRemain() {
        List<KeysetPlanner.Phase> phases = KeysetPlanner.plan(Sort.asc("name"), new KeysetPlanner.Position(null, ID));
        assertThat(phases).containsExactly(new KeysetPlanner.Phase(
                Filter.and(Condition.of("name", Operator.IS_UNKNOWN), Condition.of("id", Operator.GT, ID)),
                new SeekOrder(null, Direction.ASC)));
    }

    @Test
    void cursorsRoundTripEveryValueType() {
        byte[] fp = CursorCodec.fingerprint("p", "CONTACT", "all", "name:asc", "UTC", "0");
        Instant now = Instant.parse("2026-11-25T10:15:30.123Z");
        Object[][] cases = {{"Ünïcode \ud83d\ude00", AttributeType.TEXT}, {new BigDecimal("-12.5"), AttributeType.NUMBER},
                {now, AttributeType.DATE}, {Boolean.TRUE, AttributeType.BOOLEAN}, {null, AttributeType.NUMBER}};
        for (Object[] c : cases) {
            Cursor cursor = CursorCodec.encode(fp, now, new KeysetPlanner.Position(c[0], ID));
            CursorCodec.Decoded d = CursorCodec.decode(cursor, (AttributeType) c[1], true);
            CursorCodec.verify(d, fp);
            assertThat(d.now()).isEqualTo(now);
            assertThat(d.position()).isEqualTo(new KeysetPlanner.Position(c[0], ID));
        }
    }

    @Test
    void damagedOrForeignCursorsAreRefused() {
        byte[] fp = CursorCodec.fingerprint("p", "CONTACT", "all", "name:asc", "UTC", "0");
        Cursor cursor = CursorCodec.encode(fp, Instant.EPOCH, new KeysetPlanner.Position("x", ID));
        CursorCodec.Decoded d = CursorCodec.decode(cursor, AttributeType.TEXT, true);
        assertThatThrownBy(() -> CursorCodec.verify(d, CursorCodec.fingerprint("q", "CONTACT", "all", "name:asc", "UTC", "0")))
                .isInstanceOf(InvalidCursorException.class).hasMessageContaining("another query");
        assertThatThrownBy(() -> CursorCodec.decode(cursor, AttributeType.NUMBER, true)).isInstanceOf(InvalidCursorException.class);
        String token = cursor.token();
        Cursor truncated = Cursor.of(token.substring(0, token.length() - 3));
        assertThatThrownBy(() -> CursorCodec.decode(truncated, AttributeType.TEXT, true)).isInstanceOf(InvalidCursorException.class);
        assertThatThrownBy(() -> CursorCodec.decode(Cursor.of("AAAA"), AttributeType.TEXT, true)).isInstanceOf(InvalidCursorException.class);
        assertThatThrownBy(() -> Cursor.of("not a cursor!")).isInstanceOf(InvalidCursorException.class);
    }
}
