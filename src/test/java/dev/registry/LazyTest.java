package dev.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LazyTest {

    @Test
    void worksTheValueOutOnceWhicheverThreadAsksFirst() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        Lazy<String> lazy = Lazy.of(() -> {
            calls.incrementAndGet();
            return "value";
        });
        assertEquals(Optional.empty(), lazy.ifKnown());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return lazy.get();
                }));
            }
            start.countDown();
            for (Future<String> a : answers) {
                assertEquals("value", a.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, calls.get());
        assertEquals(Optional.of("value"), lazy.ifKnown());
    }

    @Test
    void aKnownValueIsThereAtOnceAndNullIsNoValue() {
        assertEquals(Optional.of(42), Lazy.known(42).ifKnown());
        assertThrows(NullPointerException.class, () -> Lazy.of(() -> null).get());
        assertThrows(NullPointerException.class, () -> Lazy.known(null));
    }
}
