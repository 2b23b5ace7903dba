package dev.memprobe.retain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Semi-NCA against the definition: v dominates w when w cannot be reached from the root without v. */
class DominatorsTest {

    @Test
    void aDiamondIsDominatedByItsTopAndALeafByTheNearestCommonDominatorOfItsReferrers() {
        // 0 -> 1 -> {2, 3} -> 4 (a leaf referred to by 2 and 3); 0 -> 5 -> 6 (leaf)
        int[][] graph = {{1, 5}, {2, 3}, {4}, {4}, {}, {6}, {}};
        Dominators d = dominators(graph);

        assertThat(d.idom(1)).isEqualTo(0);
        assertThat(d.idom(2)).isEqualTo(1);
        assertThat(d.idom(3)).isEqualTo(1);
        assertThat(d.idom(4)).isEqualTo(1);
        assertThat(d.idom(6)).isEqualTo(5);
        int[] shallow = {0, 10, 20, 30, 40, 50, 60};
        d.retain(shallow);
        assertThat(d.retained(1, shallow)).isEqualTo(10 + 20 + 30 + 40);
        assertThat(d.retained(0, shallow)).isEqualTo(210);
        assertThat(d.children(1)).containsExactlyInAnyOrder(2, 3, 4);
        assertThat(d.referrers(2)).containsExactly(1);
    }

    @Test
    void anUnreachedNodeHasNoDominatorAndRetainsNothing() {
        int[][] graph = {{1}, {}, {1}};
        Dominators d = dominators(graph);
        int[] shallow = {0, 8, 16};
        d.retain(shallow);

        assertThat(d.reached(2)).isFalse();
        assertThat(d.idom(2)).isEqualTo(-1);
        assertThat(d.retained(2, shallow)).isZero();
        assertThat(d.retained(0, shallow)).isEqualTo(8);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void randomGraphsWithCyclesAndLeavesAgreeWithTheDefinition(int seed) {
        Random random = new Random(seed);
        int n = 40 + random.nextInt(60);
        List<List<Integer>> edges = new ArrayList<>();
        for (int v = 0; v < n; v++) {
            List<Integer> out = new ArrayList<>();
            if (random.nextInt(3) > 0) { // a third are leaves
                int k = 1 + random.nextInt(3);
                for (int i = 0; i < k; i++) {
                    out.add(random.nextInt(n));
                }
            }
            edges.add(out);
        }
        edges.get(0).add(1 + random.nextInt(n - 1));
        int[][] graph = new int[n][];
        for (int v = 0; v < n; v++) {
            graph[v] = edges.get(v).stream().mapToInt(Integer::intValue).toArray();
        }
        Dominators d = dominators(graph);

        for (int w = 1; w < n; w++) {
            boolean reached = reachable(graph, -1)[w];
            assertThat(d.reached(w)).as("node %d reached", w).isEqualTo(reached);
            if (!reached) {
                continue;
            }
            // the immediate dominator: a dominator of w that every other dominator of w dominates
            List<Integer> dominatorsOfW = new ArrayList<>();
            for (int v = 0; v < n; v++) {
                if (v != w && (v == 0 || !reachable(graph, v)[w])) {
                    dominatorsOfW.add(v);
                }
            }
            int idom = d.idom(w);
            assertThat(dominatorsOfW).as("dominators of %d", w).contains(idom);
            for (int v : dominatorsOfW) {
                assertThat(v == idom || v == 0 || !reachable(graph, v)[idom])
                        .as("%d dominates the idom %d of %d", v, idom, w)
                        .isTrue();
            }
        }
    }

    /** Nodes reachable from node 0 without passing {@code cut}. */
    private static boolean[] reachable(int[][] graph, int cut) {
        boolean[] seen = new boolean[graph.length];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        seen[0] = true;
        queue.add(0);
        while (!queue.isEmpty()) {
            int v = queue.poll();
            for (int w : graph[v]) {
                if (w != cut && !seen[w]) {
                    seen[w] = true;
                    queue.add(w);
                }
            }
        }
        return seen;
    }

    private static Dominators dominators(int[][] graph) {
        int[] start = new int[graph.length + 1];
        List<Integer> all = new ArrayList<>();
        for (int v = 0; v < graph.length; v++) {
            start[v] = all.size();
            for (int w : graph[v]) {
                all.add(w);
            }
        }
        start[graph.length] = all.size();
        return new Dominators(
                graph.length, 0, start, all.stream().mapToInt(Integer::intValue).toArray());
    }
}
