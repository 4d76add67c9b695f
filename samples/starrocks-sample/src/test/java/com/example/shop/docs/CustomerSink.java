package com.example.shop.docs;

import java.time.Duration;
import java.util.Map;

import io.github.srboot.streamload.cdc.CdcOptions;
import io.github.srboot.streamload.cdc.ChangeRecord;
import io.github.srboot.streamload.cdc.DeleteMode;
import io.github.srboot.streamload.LoadResult;
import io.github.srboot.streamload.StreamLoadTemplate;
import reactor.core.publisher.Flux;

import org.springframework.stereotype.Service;

// The first example of docs/cdc.md, compiled (DocsExamplesTests).
// tag::docs-cdc-sink[]
@Service
class CustomerSink {

    private final StreamLoadTemplate streamLoad;

    private final CdcOptions options = CdcOptions.builder()
        .deleteMode(DeleteMode.SOFT)                       // keep deleted rows, marked in the audit columns
        .maxBatchChanges(5_000)
        .maxBatchInterval(Duration.ofMillis(500))
        .build();

    CustomerSink(StreamLoadTemplate streamLoad) {
        this.streamLoad = streamLoad;
    }

    Flux<LoadResult> apply(Flux<SourceEvent> events) {
        return this.streamLoad.applyChanges("shop.customers", events.map(this::toChange), this.options);
    }

    private ChangeRecord toChange(SourceEvent event) {
        Map<String, Object> key = Map.of("id", event.id());
        return switch (event.kind()) {
            case "c" -> ChangeRecord.insert(key, event.after(), event.lsn());
            case "u" -> (event.changedColumns() == null)
                    ? ChangeRecord.update(key, event.after(), event.lsn())
                    : ChangeRecord.partialUpdate(key, event.after(), event.lsn(), event.changedColumns());
            default -> (event.before() != null)
                    ? ChangeRecord.delete(key, event.before(), event.lsn())   // the whole row before the delete
                    : ChangeRecord.delete(key, event.lsn());
        };
    }

}
// end::docs-cdc-sink[]
