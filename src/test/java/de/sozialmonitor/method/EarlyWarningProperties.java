package de.sozialmonitor.method;

import static org.assertj.core.api.Assertions.assertThat;

import de.sozialmonitor.method.EarlyWarning.AreaState;
import de.sozialmonitor.method.EarlyWarning.Kind;
import de.sozialmonitor.method.EarlyWarning.Snapshot;
import de.sozialmonitor.model.DynamicsClass;
import de.sozialmonitor.model.Polarity;
import de.sozialmonitor.model.StatusClass;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Example;

class EarlyWarningProperties {

    @Provide
    Arbitrary<List<AreaState>> areas() {
        Arbitrary<AreaState> area = Combinators.combine(
                Arbitraries.of(StatusClass.values()).injectNull(0.1),
                Arbitraries.of(DynamicsClass.values()).injectNull(0.1),
                Arbitraries.of(true, false),
                Arbitraries.doubles().between(0, 50).injectNull(0.1))
                .as((s, d, a, x) -> new AreaState("?", "?", "ortsteil", true, s, d, a, x == null ? Map.of() : Map.of("x", x)));
        return area.list().ofSize(8);
    }

    private static List<AreaState> named(List<AreaState> states) {
        List<AreaState> out = new ArrayList<>();
        for (int i = 0; i < states.size(); i++) {
            AreaState s = states.get(i);
            out.add(new AreaState("A" + i, "A" + i, s.level(), true, s.status(), s.dynamics(), s.attention(), s.values()));
        }
        return out;
    }

    private static Set<String> areas(EarlyWarning.Report r, Kind kind) {
        return r.of(kind).stream().map(EarlyWarning.Alert::areaCode).collect(Collectors.toSet());
    }

    @Property
    void swappingTheSidesTurnsEveryClassChangeIntoItsOpposite(@ForAll("areas") List<AreaState> a, @ForAll("areas") List<AreaState> b) {
        Snapshot before = new Snapshot(2022, named(a));
        Snapshot after = new Snapshot(2023, named(b));
        EarlyWarning.Report forward = EarlyWarning.compare(before, after, Map.of(), id -> null);
        EarlyWarning.Report back = EarlyWarning.compare(after, before, Map.of(), id -> null);
        assertThat(areas(forward, Kind.STATUS_FELL)).isEqualTo(areas(back, Kind.STATUS_ROSE));
        assertThat(areas(forward, Kind.NEWLY_FLAGGED)).isEqualTo(areas(back, Kind.FLAG_ENDED));
    }

    @Property
    void aThresholdIsCrossedOnlyTowardsDisadvantageAndNeverBothWays(@ForAll("areas") List<AreaState> a, @ForAll("areas") List<AreaState> b,
                                                                   @ForAll Polarity polarity) {
        Snapshot before = new Snapshot(2022, named(a));
        Snapshot after = new Snapshot(2023, named(b));
        Map<String, Double> threshold = Map.of("x", 25.0);
        EarlyWarning.Report forward = EarlyWarning.compare(before, after, threshold, id -> polarity);
        EarlyWarning.Report back = EarlyWarning.compare(after, before, threshold, id -> polarity);
        for (EarlyWarning.Alert alert : forward.of(Kind.THRESHOLD_CROSSED)) {
            boolean worse = polarity == Polarity.HIGHER_IS_WORSE ? alert.currentValue() > 25 : alert.currentValue() < 25;
            assertThat(worse).isTrue();
        }
        Set<String> crossedBack = areas(back, Kind.THRESHOLD_CROSSED);
        assertThat(areas(forward, Kind.THRESHOLD_CROSSED)).noneMatch(crossedBack::contains);
    }

    @Example
    void aLowerIsWorseIndicatorWarnsWhenItFallsBelowItsThreshold() {
        AreaState was = new AreaState("A", "A", "ortsteil", true, StatusClass.MITTEL, DynamicsClass.STABIL, false, Map.of("x", 30.0));
        AreaState now = new AreaState("A", "A", "ortsteil", true, StatusClass.MITTEL, DynamicsClass.STABIL, false, Map.of("x", 20.0));
        EarlyWarning.Report r = EarlyWarning.compare(new Snapshot(2022, List.of(was)), new Snapshot(2023, List.of(now)),
                Map.of("x", 25.0), id -> Polarity.HIGHER_IS_BETTER);
        assertThat(r.of(Kind.THRESHOLD_CROSSED)).singleElement().satisfies(x -> {
            assertThat(x.previousValue()).isEqualTo(30.0);
            assertThat(x.currentValue()).isEqualTo(20.0);
        });
        assertThat(r.alerts()).allMatch(x -> x.kind().warns());
    }
}
