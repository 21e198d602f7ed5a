package de.sozialmonitor.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;

class SecurityPartsTest {
    static final class MutableClock extends Clock {
        Instant now = Instant.parse("2025-01-01T10:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void throttleLocksAfterFreeAttemptsDoublesTheLockAndForgetsAfterSuccess() {
        MutableClock clock = new MutableClock();
        LoginThrottle t = new LoginThrottle(clock, 3, Duration.ofMinutes(15), Duration.ofSeconds(30), Duration.ofMinutes(15));
        for (int i = 0; i < 3; i++) {
            assertThat(t.wait("anna", "10.0.0.1")).isZero();
            t.failed("anna", "10.0.0.1");
        }
        assertThat(t.wait("anna", "10.0.0.2")).isEqualTo(Duration.ofSeconds(30));
        clock.now = clock.now.plusSeconds(31);
        assertThat(t.wait("anna", "10.0.0.2")).isZero();
        t.failed("anna", "10.0.0.2");
        assertThat(t.wait("anna", "10.0.0.3")).isEqualTo(Duration.ofSeconds(60));
        t.succeeded("anna");
        assertThat(t.wait("anna", "10.0.0.3")).isZero();
        assertThat(t.wait("bert", "10.0.0.1")).as("the first address's lock has run out").isZero();
        for (int i = 0; i < 3; i++) {
            t.failed("user" + i, "10.0.0.9");
        }
        assertThat(t.wait("someone-else", "10.0.0.9")).as("one address guessing many names is locked too").isPositive();
    }

    @Test
    void sessionsExpireWhenIdleAndTokensAreUnguessable() {
        MutableClock clock = new MutableClock();
        Sessions s = new Sessions(clock, Duration.ofMinutes(30), Duration.ofHours(8));
        Sessions.Session a = s.create("anna", Role.ANALYST);
        assertThat(a.id()).hasSizeGreaterThanOrEqualTo(43).isNotEqualTo(a.csrfToken());
        assertThat(s.find(a.id())).isPresent();
        clock.now = clock.now.plus(Duration.ofMinutes(31));
        assertThat(s.find(a.id())).isEmpty();
    }

    @Test
    void geometriesAreSimplerAtLowZoomAndStayValid() {
        StringBuilder ring = new StringBuilder("{\"type\":\"Polygon\",\"coordinates\":[[");
        for (int i = 0; i <= 2000; i++) {
            double a = 2 * Math.PI * (i % 2000) / 2000;
            double r = 0.1 + 0.002 * Math.sin(40 * a);
            ring.append(i == 0 ? "" : ",").append('[').append(10.2 + r * Math.cos(a)).append(',').append(52.3 + r * Math.sin(a)).append(']');
        }
        ring.append("]]}");
        Geometries g = new Geometries();
        String geo = ring.toString();
        int fine = g.simplified(geo, 16).path("coordinates").get(0).size();
        int coarse = g.simplified(geo, 8).path("coordinates").get(0).size();
        assertThat(coarse).isLessThan(fine / 4);
        Geometry simple = Geometries.read(g.simplified(geo, 8).toString());
        assertThat(simple.isValid()).isTrue();
        assertThat(simple.getArea()).isCloseTo(Geometries.read(geo).getArea(), org.assertj.core.data.Percentage.withPercentage(3));
    }
}
