package com.example.shop;

import io.github.srboot.streamload.StreamLoadTemplate;
import io.github.srboot.test.streamload.StreamLoadStubServer;

/**
 * The {@code StreamLoadTemplate} the README examples run with: pointed at the stub, database {@code shop}.
 */
final class StubStreamLoad {

    private StubStreamLoad() {
    }

    static StreamLoadTemplate template(StreamLoadStubServer stub) {
        return StreamLoadTemplate.builder()
            .frontends(stub.frontendUrls())
            .credentials(stub.username(), stub.password())
            .database("shop")
            .build();
    }

}
