package io.github.srboot.streamload.internal.encoding;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

import io.github.srboot.streamload.LoadOptions;
import io.github.srboot.streamload.LoadResult;

/**
 * What the change path needs of a template to load batches it encodes itself: the template hands it to the
 * change applier it builds, so that none of this shows on the template's API.
 */
public interface EncodedLoads {

    /** The scheduler rows are encoded on (never a Netty event loop, which must stay free for the network). */
    Scheduler encodingScheduler();

    /** An encoder for one load whose rows the caller writes, set up as the template sets up its own loads. */
    BatchEncoder openEncoder(LoadOptions options);

    /**
     * Loads one batch the caller encoded as the template loads its own: labelled when called, held in
     * max-in-flight-bytes from when it is sent until its load is final, then freed. Until it is sent the caller owns
     * the batch and frees it when the load is never subscribed (freeing twice is harmless).
     */
    Mono<LoadResult> loadEncoded(String table, EncodedBatch batch, LoadOptions options);

}
