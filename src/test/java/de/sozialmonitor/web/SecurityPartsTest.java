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

    private static LoginThrottle throttle(MutableClock clock, int maxEntries) {
        return new LoginThrottle(clock, 3, 10, Duration.ofMinutes(15), Duration.ofSeconds(30), Duration.ofMinutes(15), maxEntries);
    }

    private static boolean attempt(LoginThrottle t, String user, String address, boolean success) {
        LoginThrottle.Admission a = t.admit(user, address);
        if (a.admitted()) {
            t.finish(a.ticket(), success);
        }
        return a.admitted();
    }

    @Test
    void throttleLocksAPairAfterItsFreeAttemptsAndDoublesTheLock() {
        MutableClock clock = new MutableClock();
        LoginThrottle t = throttle(clock, 1000);
        for (int i = 0; i < 3; i++) {
            assertThat(attempt(t, "anna", "10.0.0.1", false)).isTrue();
        }
        assertThat(t.admit("anna", "10.0.0.1").retryAfter()).isEqualTo(Duration.ofSeconds(30));
        clock.now = clock.now.plusSeconds(31);
        assertThat(attempt(t, "anna", "10.0.0.1", false)).isTrue();
        assertThat(t.admit("anna", "10.0.0.1").retryAfter()).isEqualTo(Duration.ofSeconds(60));
        clock.now = clock.now.plusSeconds(61);
        assertThat(attempt(t, "anna", "10.0.0.1", true)).as("the right password after the lock").isTrue();
        assertThat(t.admit("anna", "10.0.0.1").admitted()).as("a success clears the pair").isTrue();
    }

    @Test
    void guessesFromOneAddressNeverLockTheUserOutOfAnother() {
        MutableClock clock = new MutableClock();
        LoginThrottle t = throttle(clock, 1000);
        for (int i = 0; i < 8; i++) {
            attempt(t, "anna", "203.0.113.7", false);
        }
        assertThat(t.admit("anna", "203.0.113.7").admitted()).isFalse();
        assertThat(attempt(t, "anna", "10.0.0.5", true)).as("anna from her own address").isTrue();
    }

    @Test
    void oneAddressGuessingManyNamesIsLockedToo() {
        MutableClock clock = new MutableClock();
        LoginThrottle t = throttle(clock, 1000);
        for (int i = 0; i < 10; i++) {
            assertThat(attempt(t, "user" + i, "10.0.0.9", false)).isTrue();
        }
        assertThat(t.admit("someone-else", "10.0.0.9").admitted()).isFalse();
        assertThat(t.admit("someone-else", "10.0.0.10").admitted()).isTrue();
    }

    @Test
    void parallelGuessesGetExactlyTheFreeAttempts() throws Exception {
        MutableClock clock = new MutableClock();
        LoginThrottle t = throttle(clock, 1000);
        int threads = 60;
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(threads);
        java.util.concurrent.atomic.AtomicInteger admitted = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.CountDownLatch checked = new java.util.concurrent.CountDownLatch(1);
        List<Thread> all = new java.util.ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Thread th = new Thread(() -> {
                try {
                    start.await();
                    LoginThrottle.Admission a = t.admit("anna", "10.0.0.1");
                    if (a.admitted()) {
                        admitted.incrementAndGet();
                        checked.await(); // the password check is still running while the others arrive
                        t.finish(a.ticket(), false);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            th.start();
            all.add(th);
        }
        Thread.sleep(200);
        int whileRunning = admitted.get();
        checked.countDown();
        for (Thread th : all) {
            th.join();
        }
        assertThat(whileRunning).isEqualTo(3);
        assertThat(admitted.get()).isEqualTo(3);
        assertThat(t.admit("anna", "10.0.0.1").admitted()).isFalse();
    }

    @Test
    void throttleMemoryStaysBoundedWhateverTheUserNames() {
        MutableClock clock = new MutableClock();
        LoginThrottle t = throttle(clock, 500);
        String longName = "x".repeat(10_000);
        for (int i = 0; i < 5_000; i++) {
            attempt(t, longName + i, "10.1." + (i / 250) + "." + (i % 250), false);
        }
        assertThat(t.size()).isLessThanOrEqualTo(500);
    }

    @Test
    void ipv6AddressesCountPerSlash64() {
        assertThat(LoginThrottle.addressKey("2001:db8:1:2:aaaa::1")).isEqualTo(LoginThrottle.addressKey("2001:db8:1:2:bbbb::2"));
        assertThat(LoginThrottle.addressKey("2001:db8:1:2::1")).isNotEqualTo(LoginThrottle.addressKey("2001:db8:1:3::1"));
        assertThat(LoginThrottle.addressKey("10.0.0.1")).isNotEqualTo(LoginThrottle.addressKey("10.0.0.2"));
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
    void geometriesAreSimplerAtLowZoomAndStayValid() throws Exception {
        StringBuilder ring = new StringBuilder("{\"type\":\"Polygon\",\"coordinates\":[[");
        for (int i = 0; i <= 2000; i++) {
            double a = 2 * Math.PI * (i % 2000) / 2000;
            double r = 0.1 + 0.002 * Math.sin(40 * a);
            ring.append(i == 0 ? "" : ",").append('[').append(10.2 + r * Math.cos(a)).append(',').append(52.3 + r * Math.sin(a)).append(']');
        }
        ring.append("]]}");
        Geometries g = new Geometries();
        String geo = ring.toString();
        int fine = simplified(g, geo, 16).path("coordinates").get(0).size();
        int coarse = simplified(g, geo, 8).path("coordinates").get(0).size();
        assertThat(coarse).isLessThan(fine / 4);
        Geometry simple = Geometries.read(g.simplifiedText(geo, 8).rawValue().toString());
        assertThat(simple.isValid()).isTrue();
        assertThat(simple.getArea()).isCloseTo(Geometries.read(geo).getArea(), org.assertj.core.data.Percentage.withPercentage(3));
    }

    /** The simplified geometry as the map embeds it, read back as a tree. */
    private static com.fasterxml.jackson.databind.JsonNode simplified(Geometries g, String geo, int zoom) throws Exception {
        return de.sozialmonitor.json.Json.MAPPER.readTree(g.simplifiedText(geo, zoom).rawValue().toString());
    }
}
