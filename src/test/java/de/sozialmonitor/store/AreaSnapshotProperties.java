package de.sozialmonitor.store;

import static org.assertj.core.api.Assertions.assertThat;

import de.sozialmonitor.model.Area;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The snapshot of the area versions: the block gives back every version as written, and merging a
 * delivery replaces exactly the versions with the same code and start of validity (the later of two
 * equal deliveries winning) and keeps all others, in order.
 */
class AreaSnapshotProperties {

    @Property(tries = 200)
    void theBlockGivesBackEveryVersion(@ForAll("versions") List<AreaSnapshot.Version> any) {
        List<AreaSnapshot.Version> versions = byKey(any);
        assertThat(AreaSnapshot.decode("t", AreaSnapshot.encode(versions)).versions()).containsExactlyElementsOf(versions);
    }

    @Property(tries = 300)
    void aMergeReplacesVersionsOfTheSameKeyAndKeepsTheRest(@ForAll("versions") List<AreaSnapshot.Version> stored,
                                                           @ForAll("versions") List<AreaSnapshot.Version> delivered) {
        List<AreaSnapshot.Version> current = byKey(stored);
        Map<String, AreaSnapshot.Version> expected = new TreeMap<>();
        current.forEach(v -> expected.put(key(v), v));
        List<String> replacedKeys = new ArrayList<>();
        for (AreaSnapshot.Version v : delivered) {
            if (expected.containsKey(key(v)) && current.stream().anyMatch(c -> key(c).equals(key(v))) && !replacedKeys.contains(key(v))) {
                replacedKeys.add(key(v));
            }
            expected.put(key(v), v);
        }
        AreaSnapshot.Merge merge = AreaSnapshot.merge(current, delivered);
        assertThat(merge.versions()).containsExactlyElementsOf(expected.values());
        assertThat(merge.replaced()).extracting(AreaSnapshotProperties::key).containsExactlyInAnyOrderElementsOf(replacedKeys);
        assertThat(merge.replaced()).allSatisfy(v -> assertThat(expected.get(key(v))).isSameAs(v));
    }

    /** The versions in the snapshot's order, one per key (the last one given). */
    private static List<AreaSnapshot.Version> byKey(List<AreaSnapshot.Version> any) {
        Map<String, AreaSnapshot.Version> m = new TreeMap<>();
        any.forEach(v -> m.put(key(v), v));
        return new ArrayList<>(m.values());
    }

    /** Sorts like the snapshot: code, then start of validity (the codes here have no separator character). */
    private static String key(AreaSnapshot.Version v) {
        return v.area().code() + "\u0000" + v.area().validFrom();
    }

    @Provide
    Arbitrary<List<AreaSnapshot.Version>> versions() {
        Arbitrary<String> code = Arbitraries.of("03157", "031570", "03157001", "0315700101", "03157002", "A", "a", "Ä", "");
        Arbitrary<LocalDate> from = Arbitraries.of(Area.BEGINNING, LocalDate.of(2015, 1, 1), LocalDate.of(2021, 7, 1));
        Arbitrary<LocalDate> to = Arbitraries.of(LocalDate.of(2015, 1, 1), LocalDate.of(2030, 1, 1)).injectNull(0.6);
        Arbitrary<String> name = Arbitraries.strings().ofMinLength(1).ofMaxLength(12);
        Arbitrary<String> level = Arbitraries.of("Kreis", "Gemeinde", "Ortsteil");
        Arbitrary<String> parent = Arbitraries.of("03157", "03157001", "x").injectNull(0.2);
        Arbitrary<Long> imports = Arbitraries.longs().between(0, 5);
        return Combinators.combine(code, from, to, name, level, parent, imports)
                .as((c, f, t, n, l, p, i) -> new AreaSnapshot.Version(new Area(c, n, l, p, f, t), i))
                .list().ofMaxSize(40);
    }
}
