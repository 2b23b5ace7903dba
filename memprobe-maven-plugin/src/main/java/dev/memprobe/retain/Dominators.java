package dev.memprobe.retain;

import java.util.Arrays;

/**
 * Exact dominators of a graph from one root, by semi-NCA (Lengauer-Tarjan semidominators with simple path
 * compression, then each immediate dominator by climbing to the nearest common ancestor), over the nodes that have
 * references only. A leaf (a primitive array, an object without references: about half of a heap) gets the nearest
 * common dominator of all its referrers in one pass, so the arrays of the main step cover half the nodes. Then the
 * retained size of every node (its shallow size plus its dominator subtree's) and the dominator tree's children.
 *
 * <p>Nodes are numbered by depth-first order from the root ({@code pre}); a reached leaf is encoded as
 * {@code -2 - dfsNumberOfItsDominator}, an unreached node as -1.
 */
final class Dominators {

    final int n;
    final int root;
    /** node -> DFS number (non-leaf), -2 - the DFS number of its dominator (reached leaf), -1 (unreached). */
    final int[] pre;
    /** DFS number -> node. */
    int[] vertex;
    /** DFS number -> DFS number of the immediate dominator (-1 for the root). */
    int[] idom;
    /** Reverse edges among the reached non-leaf nodes, by DFS number: {@code back[backStart[i] .. backStart[i+1])}. */
    int[] backStart;

    int[] back;
    /** Non-leaf nodes reached. */
    int reached;
    /** Retained bytes by DFS number. */
    long[] retained;
    /** The dominator tree's children (nodes), by DFS number of the parent. */
    int[] childStart;

    int[] children;

    Dominators(int n, int root, int[] start, int[] edges) {
        this.n = n;
        this.root = root;
        this.pre = new int[n];
        compute(start, edges);
    }

    private static boolean leaf(int[] start, int v) {
        return start[v] == start[v + 1];
    }

    private void compute(int[] start, int[] edges) {
        Arrays.fill(pre, -1);
        int capacity = leaf(start, root) ? 1 : 0;
        for (int v = 0; v < n; v++) {
            if (!leaf(start, v)) {
                capacity++;
            }
        }
        vertex = new int[capacity];
        int[] parent = new int[capacity];
        int[] semi = new int[capacity];
        int[] label = new int[capacity];
        // depth-first from the root over the non-leaf nodes; semi and label double as the stack
        int[] stackNode = label;
        int[] stackEdge = semi;
        int count = 0;
        int sp = 0;
        stackNode[sp] = root;
        stackEdge[sp] = start[root];
        sp++;
        pre[root] = count;
        vertex[count] = root;
        parent[count] = -1;
        count++;
        while (sp > 0) {
            int v = stackNode[sp - 1];
            int e = stackEdge[sp - 1];
            if (e < start[v + 1]) {
                stackEdge[sp - 1] = e + 1;
                int w = edges[e];
                if (w >= 0 && pre[w] == -1 && !leaf(start, w)) {
                    pre[w] = count;
                    vertex[count] = w;
                    parent[count] = pre[v];
                    count++;
                    stackNode[sp] = w;
                    stackEdge[sp] = start[w];
                    sp++;
                }
            } else {
                sp--;
            }
        }
        int m = count;
        reached = m;
        int[] rs = new int[m + 1];
        for (int i = 0; i < m; i++) {
            int v = vertex[i];
            for (int e = start[v]; e < start[v + 1]; e++) {
                int w = edges[e];
                if (w >= 0 && w != v && pre[w] >= 0) {
                    rs[pre[w] + 1]++;
                }
            }
        }
        for (int i = 0; i < m; i++) {
            rs[i + 1] += rs[i];
        }
        int[] re = new int[rs[m]];
        int[] fill = Arrays.copyOf(rs, m);
        for (int i = 0; i < m; i++) {
            int v = vertex[i];
            for (int e = start[v]; e < start[v + 1]; e++) {
                int w = edges[e];
                if (w >= 0 && w != v && pre[w] >= 0) {
                    re[fill[pre[w]]++] = i;
                }
            }
        }
        backStart = rs;
        back = re;
        int[] ancestor = new int[m];
        Arrays.fill(ancestor, -1);
        for (int i = 0; i < m; i++) {
            semi[i] = i;
            label[i] = i;
        }
        int[] path = new int[64];
        for (int i = m - 1; i >= 1; i--) {
            int s = semi[i];
            for (int e = rs[i]; e < rs[i + 1]; e++) {
                int j = re[e];
                int u;
                if (ancestor[j] < 0) {
                    u = j;
                } else {
                    int top = 0;
                    int x = j;
                    while (ancestor[ancestor[x]] >= 0) {
                        if (top == path.length) {
                            path = Arrays.copyOf(path, top * 2);
                        }
                        path[top++] = x;
                        x = ancestor[x];
                    }
                    while (top > 0) {
                        int y = path[--top];
                        int a = ancestor[y];
                        if (semi[label[a]] < semi[label[y]]) {
                            label[y] = label[a];
                        }
                        ancestor[y] = ancestor[a];
                    }
                    u = label[j];
                }
                if (semi[u] < s) {
                    s = semi[u];
                }
            }
            semi[i] = s;
            ancestor[i] = parent[i];
        }
        int[] dom = ancestor; // reused
        if (m > 0) {
            dom[0] = -1;
        }
        for (int i = 1; i < m; i++) {
            int x = parent[i];
            while (x > semi[i]) {
                x = dom[x];
            }
            dom[i] = x;
        }
        idom = dom;
        // leaves: the nearest common dominator of all their reached referrers
        for (int i = 0; i < m; i++) {
            int v = vertex[i];
            for (int e = start[v]; e < start[v + 1]; e++) {
                int w = edges[e];
                if (w < 0 || !leaf(start, w)) {
                    continue;
                }
                int now = pre[w];
                pre[w] = now == -1 ? -2 - i : -2 - nca(-2 - now, i);
            }
        }
    }

    private int nca(int a, int b) {
        while (a != b) {
            while (a > b) {
                a = idom[a];
            }
            while (b > a) {
                b = idom[b];
            }
        }
        return a;
    }

    /** Retained sizes and the dominator tree's children, from each node's shallow size (0 beyond {@code shallow}). */
    void retain(int[] shallow) {
        int m = reached;
        long[] ret = new long[m];
        int[] cs = new int[m + 1];
        for (int i = 0; i < m; i++) {
            int v = vertex[i];
            ret[i] = v < shallow.length ? shallow[v] : 0;
        }
        for (int v = 0; v < n; v++) {
            int p = pre[v];
            if (p <= -2) {
                ret[-2 - p] += v < shallow.length ? shallow[v] : 0;
                cs[-2 - p + 1]++;
            }
        }
        for (int i = m - 1; i >= 1; i--) {
            ret[idom[i]] += ret[i];
            cs[idom[i] + 1]++;
        }
        for (int i = 0; i < m; i++) {
            cs[i + 1] += cs[i];
        }
        int[] ch = new int[cs[m]];
        int[] fill = Arrays.copyOf(cs, m);
        for (int i = 1; i < m; i++) {
            ch[fill[idom[i]]++] = vertex[i];
        }
        for (int v = 0; v < n; v++) {
            int p = pre[v];
            if (p <= -2) {
                ch[fill[-2 - p]++] = v;
            }
        }
        retained = ret;
        childStart = cs;
        children = ch;
    }

    boolean reached(int v) {
        return pre[v] != -1;
    }

    /** Retained bytes of a node: 0 when unreached. */
    long retained(int v, int[] shallow) {
        int p = pre[v];
        if (p >= 0) {
            return retained[p];
        }
        return p <= -2 && v < shallow.length ? shallow[v] : 0;
    }

    /** The immediate dominator of a node; -1 for the root or an unreached node. */
    int idom(int v) {
        int p = pre[v];
        if (p == -1 || p == 0) {
            return -1;
        }
        return vertex[p >= 0 ? idom[p] : -2 - p];
    }

    /** The nodes a node dominates immediately. */
    int[] children(int v) {
        int p = pre[v];
        if (p < 0) {
            return new int[0];
        }
        return Arrays.copyOfRange(children, childStart[p], childStart[p + 1]);
    }

    /** The reached non-leaf nodes that refer to a non-leaf node {@code v}; empty for a leaf. */
    int[] referrers(int v) {
        int p = pre[v];
        if (p < 0) {
            return new int[0];
        }
        int[] out = new int[backStart[p + 1] - backStart[p]];
        for (int k = 0; k < out.length; k++) {
            out[k] = vertex[back[backStart[p] + k]];
        }
        return out;
    }
}
