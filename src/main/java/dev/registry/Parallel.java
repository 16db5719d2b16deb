package dev.registry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Work over a list shared out on every core in small chunks, each thread taking the next chunk
 * when it is done with one: the calling thread and the common pool's workers.
 *
 * <p>Why not a parallel stream: on two cores it splits a list into four fixed parts, and the
 * thread that finishes first then waits for the other's last part (a tenth of a second of a
 * 10,000-card run, each time, while the other thread also compiles or collects). Here no thread
 * waits for more than one small chunk.
 */
public final class Parallel {

    /** Chunks per thread: enough that the last one is short, few enough that taking one is cheap. */
    private static final int CHUNKS_PER_THREAD = 64;
    /** The most items in one chunk, however long the list. */
    private static final int MAX_CHUNK = 32;

    private Parallel() {
    }

    /**
     * {@code fn} applied to every item, results in the items' order (a list that cannot be
     * changed). A throw stops the work that has not started yet and is rethrown, as thrown, on
     * the calling thread once no thread is still applying {@code fn}. {@code fn} must be safe to
     * call from several threads at once.
     */
    public static <T, R> List<R> map(List<T> items, Function<? super T, ? extends R> fn) {
        int n = items.size();
        int helpers = Math.min(ForkJoinPool.getCommonPoolParallelism(), n - 1);
        if (helpers < 1) {
            List<R> out = new ArrayList<>(n);
            items.forEach(item -> out.add(fn.apply(item)));
            return Collections.unmodifiableList(out);
        }
        Work<T, R> work = new Work<>(items, fn, Math.max(1, Math.min(MAX_CHUNK, n / ((helpers + 1) * CHUNKS_PER_THREAD))));
        for (int i = 0; i < helpers; i++) {
            ForkJoinPool.commonPool().execute(work::share);
        }
        work.share();
        work.awaitHelpers();
        Throwable failed = work.failure.get();
        if (failed instanceof RuntimeException e) {
            throw e;
        }
        if (failed instanceof Error e) {
            throw e;
        }
        @SuppressWarnings("unchecked")
        List<R> out = (List<R>) Arrays.asList(work.results);
        return Collections.unmodifiableList(out);
    }

    /**
     * The lists {@code fn} gives for every item, joined in the items' order: {@link #map} for
     * work that finds any number of things per item (findings per card, files per folder).
     */
    public static <T, R> List<R> flatMap(List<T> items, Function<? super T, ? extends Collection<? extends R>> fn) {
        List<R> out = new ArrayList<>();
        map(items, fn).forEach(out::addAll);
        return Collections.unmodifiableList(out);
    }

    /**
     * One call of {@link #map}. A helper that the pool starts only after the last chunk was taken
     * finds nothing to do; the caller waits only for helpers that took part, so a pool busy with
     * other work (or a caller that is itself the pool's one worker) never makes it wait.
     */
    private static final class Work<T, R> {
        final List<T> items;
        final Function<? super T, ? extends R> fn;
        final int chunk;
        final Object[] results;
        final AtomicInteger next = new AtomicInteger();
        final AtomicInteger running = new AtomicInteger();
        final AtomicReference<Throwable> failure = new AtomicReference<>();

        Work(List<T> items, Function<? super T, ? extends R> fn, int chunk) {
            this.items = items;
            this.fn = fn;
            this.chunk = chunk;
            this.results = new Object[items.size()];
        }

        void share() {
            // Counted as running before it takes a chunk: once the caller has seen every chunk
            // taken, every thread that took one is counted (or done).
            running.incrementAndGet();
            try {
                int n = results.length;
                for (int from = next.getAndAdd(chunk); from < n; from = next.getAndAdd(chunk)) {
                    for (int i = from, to = Math.min(n, from + chunk); i < to; i++) {
                        results[i] = fn.apply(items.get(i));
                    }
                }
            } catch (Throwable t) {
                failure.compareAndSet(null, t);
                next.set(Integer.MAX_VALUE / 2); // no new chunks; MAX/2 so that getAndAdd cannot wrap
            } finally {
                if (running.decrementAndGet() == 0) {
                    synchronized (this) {
                        notifyAll();
                    }
                }
            }
        }

        synchronized void awaitHelpers() {
            boolean interrupted = false;
            while (running.get() > 0) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    interrupted = true; // the results are not ours to abandon half-written
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
