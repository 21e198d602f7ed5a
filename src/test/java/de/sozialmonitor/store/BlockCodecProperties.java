package de.sozialmonitor.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** Every block gives back exactly what was written: bit for bit numbers, text, flags; damage is detected. */
class BlockCodecProperties {

    @Property(tries = 200)
    void observationsRoundTrip(@ForAll("areaSets") TreeSet<Integer> areas, @ForAll("numbers") List<Double> pool,
                               @ForAll @IntRange(min = 0, max = 8) int statusMax) {
        int n = areas.size();
        int[] idx = areas.stream().mapToInt(Integer::intValue).toArray();
        double[] values = new double[n];
        byte[] status = new byte[n];
        for (int i = 0; i < n; i++) {
            values[i] = pool.isEmpty() ? Double.NaN : pool.get(i % pool.size());
            status[i] = (byte) (statusMax == 0 ? 0 : (idx[i] * 31) % (statusMax + 1));
        }
        BlockCodec.ObservationValues back = BlockCodec.decodeObservations(
                BlockCodec.encodeObservations(new BlockCodec.ObservationValues(idx, values, status)));
        assertThat(back.areas()).containsExactly(idx);
        assertThat(bits(back.values())).containsExactly(bits(values));
        assertThat(back.status()).containsExactly(status);
    }

    @Property(tries = 200)
    void textRoundTrips(@ForAll @Size(max = 300) List<@net.jqwik.api.constraints.StringLength(max = 20) String> words,
                        @ForAll boolean sorted, @ForAll boolean withNulls) {
        String[] v = words.toArray(new String[0]);
        if (sorted) {
            Arrays.sort(v);
        }
        assertThat(BlockCodec.decodeCodes(BlockCodec.encodeCodes(v))).containsExactly(v);
        if (withNulls) {
            for (int i = 0; i < v.length; i += 3) {
                v[i] = null;
            }
        }
        // nullable text goes through the result-area block
        int n = v.length;
        BlockCodec.ResultAreas a = new BlockCodec.ResultAreas(v, v.clone(), repeat("Ortsteil", n), v.clone(), nan(n), nan(n), nan(n),
                v.clone(), nan(n), nan(n), repeat(null, n), new boolean[n], repeat(null, n));
        BlockCodec.ResultAreas back = BlockCodec.decodeResultAreas(BlockCodec.encodeResultAreas(a));
        assertThat(back.codes()).containsExactly(v);
        assertThat(back.names()).containsExactly(v);
        assertThat(back.levels()).containsExactly(a.levels());
        assertThat(back.statusClass()).containsExactly(v);
        assertThat(back.dynamicsClass()).containsExactly(a.dynamicsClass());
    }

    @Property(tries = 100)
    void resultsRoundTrip(@ForAll @IntRange(max = 500) int n, @ForAll("numbers") List<Double> pool, @ForAll long seed) {
        java.util.Random r = new java.util.Random(seed);
        double[][] cols = new double[11][n];
        for (double[] c : cols) {
            for (int i = 0; i < n; i++) {
                c[i] = pool.isEmpty() ? Double.NaN : pool.get(r.nextInt(pool.size()));
            }
        }
        boolean[] att = new boolean[n];
        String[] codes = new String[n];
        String[] cls = new String[n];
        for (int i = 0; i < n; i++) {
            att[i] = r.nextBoolean();
            codes[i] = "0315700" + i;
            cls[i] = r.nextInt(4) == 0 ? null : "s" + r.nextInt(4);
        }
        BlockCodec.ResultAreas a = new BlockCodec.ResultAreas(codes, codes.clone(), repeat("L", n), cls.clone(), cols[0], cols[1],
                cols[2], cls, cols[3], cols[4], cls.clone(), att, cls.clone());
        BlockCodec.ResultAreas ab = BlockCodec.decodeResultAreas(BlockCodec.encodeResultAreas(a));
        assertThat(ab.attention()).containsExactly(att);
        assertThat(bits(ab.population())).containsExactly(bits(cols[0]));
        assertThat(bits(ab.dynamicsIndex())).containsExactly(bits(cols[4]));
        assertThat(ab.excluded()).containsExactly(cls);
        BlockCodec.ResultValues v = new BlockCodec.ResultValues(cols[5], cols[6], cols[7], cols[8], cols[9], cols[10]);
        BlockCodec.ResultValues vb = BlockCodec.decodeResultValues(BlockCodec.encodeResultValues(v));
        assertThat(bits(vb.numerator())).containsExactly(bits(cols[5]));
        assertThat(bits(vb.zDynamics())).containsExactly(bits(cols[10]));
    }

    @Test
    void wholeNumbersTakeAboutAByteOrTwo() {
        int n = 100_000;
        int[] idx = new int[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
            v[i] = i % 500;
        }
        byte[] block = BlockCodec.encodeObservations(new BlockCodec.ObservationValues(idx, v, new byte[n]));
        assertThat(block.length).isLessThan(n * 3 + 100);
    }

    @Test
    void damageAndNewerVersionsAreRefused() {
        byte[] block = BlockCodec.encodeCodes(new String[] {"03157001", "03157002"});
        assertThatThrownBy(() -> BlockCodec.decodeCodes(Arrays.copyOf(block, block.length - 1)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("damaged");
        byte[] newer = block.clone();
        newer[1] = 99;
        assertThatThrownBy(() -> BlockCodec.decodeCodes(newer)).hasMessageContaining("version");
        assertThatThrownBy(() -> BlockCodec.decodeObservations(block)).hasMessageContaining("kind");
    }

    @Provide
    Arbitrary<TreeSet<Integer>> areaSets() {
        return Arbitraries.integers().between(0, 5_000_000).set().ofMaxSize(400).map(TreeSet::new);
    }

    @Provide
    Arbitrary<List<Double>> numbers() {
        Arbitrary<Double> whole = Arbitraries.longs().between(-(1L << 53), 1L << 53).map(Long::doubleValue);
        Arbitrary<Double> small = Arbitraries.integers().between(-3, 70_000).map(Integer::doubleValue);
        Arbitrary<Double> any = Arbitraries.doubles();
        Arbitrary<Double> special = Arbitraries.of(Double.NaN, -0.0, 0.0, Double.POSITIVE_INFINITY, Double.MIN_VALUE, 1e300, 0.1);
        return Combinators.combine(Arbitraries.integers().between(0, 3), Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(5, small), net.jqwik.api.Tuple.of(1, whole), net.jqwik.api.Tuple.of(2, any),
                        net.jqwik.api.Tuple.of(1, special)).list().ofMaxSize(50))
                .as((mode, list) -> mode == 0 ? list.stream().filter(d -> d == Math.rint(d)).toList() : list);
    }

    private static long[] bits(double[] v) {
        long[] b = new long[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = Double.isNaN(v[i]) ? 0x7ff8000000000000L : Double.doubleToRawLongBits(v[i]);
        }
        return b;
    }

    private static double[] nan(int n) {
        double[] d = new double[n];
        Arrays.fill(d, Double.NaN);
        return d;
    }

    private static String[] repeat(String s, int n) {
        String[] v = new String[n];
        Arrays.fill(v, s);
        return v;
    }
}
