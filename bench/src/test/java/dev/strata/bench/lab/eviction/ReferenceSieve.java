package dev.strata.bench.lab.eviction;

import java.util.HashMap;
import java.util.Map;

/**
 * SIEVE written from the paper (Zhang et al., "SIEVE is Simpler than LRU", NSDI 2024, Algorithm 1)
 * with objects and a map, independent of the engine's policy: new objects enter at the head with
 * visited = false, a hit sets visited, and the hand walks from the tail towards the head, clearing
 * visited bits, to the first unvisited object, which it evicts (wrapping to the tail at the head).
 * Byte-weighted as libCacheSim: evict until the object fits; an object larger than the cache is
 * not inserted. Used to check which row of expected_misses.csv SIEVE really gives.
 */
final class ReferenceSieve {
    private static final class Node {
        final long key;
        final int size;
        boolean visited;
        Node prev; // towards the head (newer)
        Node next; // towards the tail (older)

        Node(final long key, final int size) {
            this.key = key;
            this.size = size;
        }
    }

    private ReferenceSieve() {
    }

    static long misses(final Trace trace, final long capacity) {
        final Map<Long, Node> resident = new HashMap<>();
        Node head = null;
        Node tail = null;
        Node hand = null;
        long used = 0;
        long misses = 0;
        for (int i = 0; i < trace.length(); i++) {
            final Node hit = resident.get(trace.key(i));
            if (hit != null) {
                hit.visited = true;
                continue;
            }
            misses++;
            final int size = trace.size(i);
            if (size > capacity) {
                continue;
            }
            while (used + size > capacity) {
                Node victim = hand != null ? hand : tail;
                while (victim.visited) {
                    victim.visited = false;
                    victim = victim.prev != null ? victim.prev : tail;
                }
                hand = victim.prev;
                if (victim.prev != null) {
                    victim.prev.next = victim.next;
                } else {
                    head = victim.next;
                }
                if (victim.next != null) {
                    victim.next.prev = victim.prev;
                } else {
                    tail = victim.prev;
                }
                resident.remove(victim.key);
                used -= victim.size;
            }
            final Node node = new Node(trace.key(i), size);
            node.next = head;
            if (head != null) {
                head.prev = node;
            }
            head = node;
            if (tail == null) {
                tail = node;
            }
            resident.put(node.key, node);
            used += size;
        }
        return misses;
    }
}
