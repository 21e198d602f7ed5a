package de.sozialmonitor.method;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The areas of one boundary version (the one valid in the result's year), all levels together,
 * as parallel arrays. {@code parent[i]} is the index of the parent area or -1 at the root;
 * {@code depth[i]} counts the steps up to the root.
 */
public final class AreaTable {
    private final String[] codes;
    private final String[] names;
    private final String[] levels;
    private final int[] parent;
    private final int[] depth;
    private volatile Map<String, Integer> index;

    public AreaTable(String[] codes, String[] names, String[] levels, int[] parent) {
        if (names.length != codes.length || levels.length != codes.length || parent.length != codes.length) {
            throw new IllegalArgumentException("area arrays differ in length");
        }
        this.codes = codes;
        this.names = names;
        this.levels = levels;
        this.parent = parent;
        this.depth = depths(parent);
    }

    /** Builds the table from codes and parent codes; an unknown parent code makes the area a root. */
    public static AreaTable of(String[] codes, String[] names, String[] levels, String[] parentCodes) {
        Map<String, Integer> idx = new HashMap<>(codes.length * 2);
        for (int i = 0; i < codes.length; i++) {
            idx.put(codes[i], i);
        }
        int[] parent = new int[codes.length];
        for (int i = 0; i < codes.length; i++) {
            Integer p = parentCodes[i] == null ? null : idx.get(parentCodes[i]);
            parent[i] = p == null || p == i ? -1 : p;
        }
        AreaTable t = new AreaTable(codes, names, levels, parent);
        t.index = idx;
        return t;
    }

    private static int[] depths(int[] parent) {
        int n = parent.length;
        int[] depth = new int[n];
        java.util.Arrays.fill(depth, -1);
        for (int i = 0; i < n; i++) {
            if (depth[i] >= 0) {
                continue;
            }
            // walk up until a known depth or the root; a cycle is cut where it closes
            int steps = 0;
            int a = i;
            while (a >= 0 && depth[a] < 0 && steps <= n) {
                a = parent[a];
                steps++;
            }
            int base = a < 0 ? -1 : depth[a];
            int d = base + steps;
            a = i;
            while (a >= 0 && depth[a] < 0) {
                depth[a] = d--;
                a = parent[a];
            }
        }
        return depth;
    }

    public int size() {
        return codes.length;
    }

    public String code(int i) {
        return codes[i];
    }

    public String name(int i) {
        return names[i];
    }

    public String level(int i) {
        return levels[i];
    }

    public int parent(int i) {
        return parent[i];
    }

    public int depth(int i) {
        return depth[i];
    }

    /** Index of {@code code}, or -1. */
    public int indexOf(String code) {
        Map<String, Integer> m = index;
        if (m == null) {
            m = new HashMap<>(codes.length * 2);
            for (int i = 0; i < codes.length; i++) {
                m.put(codes[i], i);
            }
            index = m;
        }
        Integer i = m.get(code);
        return i == null ? -1 : i;
    }

    /** Ancestors from the parent up to the root. */
    public List<Integer> ancestors(int i) {
        List<Integer> out = new ArrayList<>();
        for (int a = parent[i]; a >= 0 && out.size() <= codes.length; a = parent[a]) {
            out.add(a);
        }
        return out;
    }

    /** Indices of the areas on {@code level}, in table order. */
    public int[] onLevel(String level) {
        int count = 0;
        for (String l : levels) {
            if (l.equals(level)) {
                count++;
            }
        }
        int[] out = new int[count];
        int k = 0;
        for (int i = 0; i < levels.length; i++) {
            if (levels[i].equals(level)) {
                out[k++] = i;
            }
        }
        return out;
    }

    /** Area indices ordered from the deepest to the root, so that children come before their parents. */
    int[] deepestFirst() {
        int max = 0;
        for (int d : depth) {
            max = Math.max(max, d);
        }
        int[] start = new int[max + 2];
        for (int d : depth) {
            start[max - d + 1]++;
        }
        for (int i = 1; i < start.length; i++) {
            start[i] += start[i - 1];
        }
        int[] out = new int[depth.length];
        for (int i = 0; i < depth.length; i++) {
            out[start[max - depth[i]]++] = i;
        }
        return out;
    }
}
