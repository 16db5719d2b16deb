package dev.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ParallelTest {

    @Test
    void resultsComeInTheItemsOrderEachItemTakenOnce() {
        List<Integer> items = IntStream.range(0, 10_007).boxed().toList();
        AtomicInteger calls = new AtomicInteger();
        List<Integer> out = Parallel.map(items, i -> {
            calls.incrementAndGet();
            return i * 2;
        });
        assertEquals(items.stream().map(i -> i * 2).toList(), out);
        assertEquals(items.size(), calls.get());
        assertThrows(UnsupportedOperationException.class, () -> out.set(0, -1));
    }

    @Test
    void flatMapJoinsEachItemsListsInTheItemsOrder() {
        List<Integer> items = IntStream.range(0, 3_001).boxed().toList();
        List<Integer> out = Parallel.flatMap(items, i -> i % 3 == 0 ? List.of() : List.of(i, -i));
        assertEquals(items.stream().filter(i -> i % 3 != 0).flatMap(i -> java.util.stream.Stream.of(i, -i)).toList(), out);
        assertThrows(UnsupportedOperationException.class, () -> out.add(1));
    }

    @Test
    void emptyAndSingleLists() {
        assertEquals(List.of(), Parallel.map(List.<Integer>of(), i -> i));
        assertEquals(List.of("x1"), Parallel.map(List.of(1), i -> "x" + i));
    }

    @Test
    void theWorkIsSharedWithThePoolWhenItHasWorkers() {
        // On one core the common pool has no helper to share with: nothing to show then.
        if (ForkJoinPool.getCommonPoolParallelism() < 1 || Runtime.getRuntime().availableProcessors() < 2) {
            return;
        }
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        Parallel.map(IntStream.range(0, 1_000).boxed().toList(), i -> {
            threads.add(Thread.currentThread());
            sleepMicros(200); // long enough that a helper gets started before the caller is done
            return i;
        });
        assertTrue(threads.size() > 1, "only " + threads + " did the work");
    }

    @Test
    void aThrowIsRethrownAsThrownOnTheCallingThread() {
        IllegalStateException thrown = new IllegalStateException("item 777");
        List<Integer> items = IntStream.range(0, 5_000).boxed().toList();
        IllegalStateException caught = assertThrows(IllegalStateException.class, () -> Parallel.map(items, i -> {
            if (i == 777) {
                throw thrown;
            }
            return i;
        }));
        assertSame(thrown, caught); // not a copy made on another thread, nor wrapped
    }

    @Test
    void aThrowStopsTheChunksNotYetTaken() {
        AtomicInteger calls = new AtomicInteger();
        List<Integer> items = IntStream.range(0, 100_000).boxed().toList();
        assertThrows(IllegalArgumentException.class, () -> Parallel.map(items, i -> {
            calls.incrementAndGet();
            if (i == 10) {
                throw new IllegalArgumentException("stop");
            }
            return i;
        }));
        assertTrue(calls.get() < items.size(), calls.get() + " calls: the work went on after the throw");
    }

    @Test
    void nestedCallsFromThePoolsOwnWorkersFinish() throws Exception {
        List<Integer> outer = IntStream.range(0, 64).boxed().toList();
        List<Integer> sums = ForkJoinPool.commonPool().submit(() -> Parallel.map(outer,
                i -> Parallel.map(IntStream.range(0, 500).boxed().toList(), j -> i + j).stream().mapToInt(Integer::intValue).sum()))
                .get(30, TimeUnit.SECONDS);
        assertEquals(outer.stream().map(i -> 500 * i + 499 * 500 / 2).toList(), sums);
    }

    private static void sleepMicros(long micros) {
        long end = System.nanoTime() + micros * 1_000;
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }
}
