package org.semiont.ops.target;

import java.time.Clock;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;

/** Builds the S3 client of a target: the JDK's HTTP client, the SDK's default credential chain. */
final class S3Targets {
    private S3Targets() {
    }

    static S3Target open(S3Location location, S3Settings settings) {
        S3ClientBuilder b = S3Client.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .region(region(settings))
                .forcePathStyle(settings.pathStyle());
        settings.endpoint().ifPresent(uri -> b.endpointOverride(uri)
                // S3-compatible servers often predate the SDK's default CRC checksums on every request
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                // and aws-chunked uploads (some store the chunk framing as the object): sign the whole payload instead
                .serviceConfiguration(S3Configuration.builder().chunkedEncodingEnabled(false).build()));
        return new S3Target(b.build(), location, Clock.systemUTC());
    }

    private static Region region(S3Settings settings) {
        if (settings.region().isPresent()) {
            return Region.of(settings.region().get());
        }
        try {
            return new DefaultAwsRegionProviderChain().getRegion();
        } catch (RuntimeException e) {
            // S3-compatible servers ignore the region, and AWS redirects a request signed for the wrong one
            return Region.US_EAST_1;
        }
    }
}
