// Tasks submitted per element presign once per element, as the loop itself would.
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

class ConcurrentTasks {
    void shareAll(S3Presigner presigner, ExecutorService pool, List<String> keys) {
        for (String key : keys) {
            pool.submit(() -> presigner.presignGetObject(r -> r.signatureDuration(Duration.ofMinutes(15)))); // expect: presign-in-loop
            CompletableFuture.supplyAsync(() -> presigner.presignGetObject(r -> r.signatureDuration(Duration.ofMinutes(15)))); // expect: presign-in-loop
        }
    }

    // Negatives: one task outside a loop; a task object submitted in the loop signs in its own class.
    void shareOne(S3Presigner presigner, ExecutorService pool) {
        pool.submit(() -> presigner.presignGetObject(r -> r.signatureDuration(Duration.ofMinutes(15))));
    }

    void submitAll(ExecutorService pool, List<Runnable> jobs) {
        for (Runnable job : jobs) {
            pool.submit(job);
        }
    }
}
