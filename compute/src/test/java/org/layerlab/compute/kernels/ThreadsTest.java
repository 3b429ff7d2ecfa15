package org.layerlab.compute.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The kernel threads: every index runs exactly once, whether a worker or the caller (taking back a range not started)
 * runs it; a failure in any range reaches the caller; nested and concurrent callers run, on their own thread if need
 * be; and the threads can be resized between calls.
 */
class ThreadsTest {
    private static final long BIG = 10_000_000L;

    /** Fixed ranges (one per thread) or shared ones (handed out as threads come free), as the test asks. */
    private static void parallelFor(boolean shared, int count, Threads.Range body) {
        if (shared) Threads.parallelForShared(count, BIG, body);
        else Threads.parallelFor(count, BIG, body);
    }

    @ParameterizedTest @CsvSource({"1,false", "2,false", "3,false", "4,false", "1,true", "2,true", "3,true", "4,true"})
    void everyIndexOnceInContiguousRanges(int threads, boolean shared) {
        int before = Threads.parallelism();
        try {
            Threads.setParallelism(threads);
            for (int count : new int[] {1, 2, 3, 5, 43, 1000}) {
                for (int rep = 0; rep < 200; rep++) {
                    AtomicIntegerArray seen = new AtomicIntegerArray(count);
                    parallelFor(shared, count, (from, to) -> {
                        assertTrue(0 <= from && from < to && to <= count, from + ".." + to);
                        for (int i = from; i < to; i++) seen.incrementAndGet(i);
                    });
                    for (int i = 0; i < count; i++) assertEquals(1, seen.get(i), "index " + i + " of " + count);
                }
            }
        } finally {
            Threads.setParallelism(before);
        }
    }

    @ParameterizedTest @CsvSource({"0,false", "1,false", "0,true", "1,true"})
    void aFailureInAnyRangeReachesTheCaller(int failing, boolean shared) {
        int before = Threads.parallelism();
        try {
            Threads.setParallelism(2);
            IllegalStateException boom = new IllegalStateException("boom");
            for (int rep = 0; rep < 50; rep++) {
                IllegalStateException e = assertThrows(IllegalStateException.class, () -> parallelFor(shared, 2, (from, to) -> {
                    if (from <= failing && failing < to) throw boom;
                }));
                assertSame(boom, e);
            }
            AtomicIntegerArray seen = new AtomicIntegerArray(2); // the threads still work afterwards
            Threads.parallelFor(2, BIG, (from, to) -> { for (int i = from; i < to; i++) seen.incrementAndGet(i); });
            assertEquals(1, seen.get(0));
            assertEquals(1, seen.get(1));
        } finally {
            Threads.setParallelism(before);
        }
    }

    @ParameterizedTest @CsvSource({"2,false", "3,false", "2,true", "3,true"})
    void nestedAndConcurrentCallersEachCoverTheirWork(int threads, boolean shared) throws Exception {
        int before = Threads.parallelism();
        ExecutorService callers = Executors.newFixedThreadPool(3);
        try {
            Threads.setParallelism(threads);
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < 3; c++) {
                done.add(callers.submit(() -> {
                    for (int rep = 0; rep < 300; rep++) {
                        AtomicIntegerArray seen = new AtomicIntegerArray(7 * 5);
                        parallelFor(shared, 7, (from, to) -> {
                            for (int i = from; i < to; i++) {
                                int row = i;
                                parallelFor(!shared, 5, (f, t) -> { for (int j = f; j < t; j++) seen.incrementAndGet(row * 5 + j); });
                            }
                        });
                        for (int i = 0; i < seen.length(); i++) assertEquals(1, seen.get(i), "index " + i);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) f.get();
        } finally {
            callers.shutdown();
            Threads.setParallelism(before);
        }
    }
}
