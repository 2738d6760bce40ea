package org.semiont.ops.backup;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.semiont.ops.target.BackupTarget;

/**
 * Loads log chunks ({@link LoadedChunk#load}) on a small pool ahead of the one reader that takes them in order, at most
 * {@code threads + 1} chunks in memory at a time (64 MB each by default).
 */
final class ChunkPrefetch implements AutoCloseable {
    private final BackupTarget target;
    private final List<Manifest.LogChunk> chunks;
    private final List<CompletableFuture<LoadedChunk>> loading = new ArrayList<>();
    private final ExecutorService pool;
    private final int ahead;

    ChunkPrefetch(BackupTarget target, List<Manifest.LogChunk> chunks, int threads) {
        this.target = target;
        this.chunks = List.copyOf(chunks);
        this.ahead = threads + 1;
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "semiont-verify-chunks");
            t.setDaemon(true);
            return t;
        });
    }

    /** The {@code i}-th chunk, loaded; call with {@code i = 0, 1, 2, …}. */
    LoadedChunk take(int i) {
        while (loading.size() < Math.min(chunks.size(), i + ahead)) {
            Manifest.LogChunk c = chunks.get(loading.size());
            loading.add(CompletableFuture.supplyAsync(() -> LoadedChunk.load(target, c), pool));
        }
        LoadedChunk c = loading.get(i).join();
        loading.set(i, null);
        return c;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
