// Fields a class's constructors set, read by its other methods.
import java.time.Duration;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.GetObjectPresignRequest;

class ReportLinks {
    private final S3Presigner presigner;
    private final Duration ttl;

    ReportLinks(S3Presigner presigner) {
        this.presigner = presigner;
        this.ttl = Duration.ofDays(2);
    }

    String report(GetObjectRequest object) {
        GetObjectPresignRequest request = GetObjectPresignRequest.builder()
            .signatureDuration(ttl) // expect: excessive-expiry
            .getObjectRequest(object)
            .build();
        return presigner.presignGetObject(request).url().toString();
    }

    String again(GetObjectRequest object) {
        return presigner.presignGetObject(GetObjectPresignRequest.builder().signatureDuration(this.ttl).getObjectRequest(object).build()).url().toString(); // expect: excessive-expiry
    }
}

class ShortLinks {
    private final S3Presigner presigner;
    private final Duration ttl;

    ShortLinks(S3Presigner presigner) {
        this.presigner = presigner;
        this.ttl = Duration.ofMinutes(5);
    }

    String link(GetObjectRequest object) {
        return presigner.presignGetObject(GetObjectPresignRequest.builder().signatureDuration(ttl).getObjectRequest(object).build()).url().toString();
    }
}

class Retuned {
    // Trap: a setter assigns the field again.
    private final S3Presigner presigner;
    private Duration ttl;

    Retuned(S3Presigner presigner) {
        this.presigner = presigner;
        this.ttl = Duration.ofDays(2);
    }

    void setTtl(Duration ttl) {
        this.ttl = ttl;
    }

    String link(GetObjectRequest object) {
        return presigner.presignGetObject(GetObjectPresignRequest.builder().signatureDuration(this.ttl).getObjectRequest(object).build()).url().toString();
    }
}
